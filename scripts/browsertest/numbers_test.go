//go:build browser

package browsertest

import (
	"testing"

	"looplab/wasm/scenario"
)

// TestStageNumbersAPI calls the simulator's number calls in the browser,
// as the page does: numbers and loadNumbers give ids and labels, and
// applyLink sets a link's numbers in the code and, when the page gives
// it, the load.
func TestStageNumbersAPI(t *testing.T) {
	p := open(t)
	const stage = `document.getElementById("stage").contentWindow.looplabStage`
	var code, load []scenario.Number
	p.eval(`JSON.parse(`+stage+`.numbers("import time\ndef rude():\n    time.sleep(4)\n"))`, &code)
	p.eval(`JSON.parse(`+stage+`.loadNumbers("20 x at 0 GET /delay/2\n"))`, &load)
	if len(code) != 1 || code[0].ID != "rude.sleep" || code[0].Label != "time.sleep seconds in rude()" {
		t.Errorf("numbers: %+v", code)
	}
	if len(load) != 3 || load[0].ID != "load.count" || load[0].Label == "" || load[2].ID != "load.delay" || !load[2].Seconds {
		t.Errorf("loadNumbers: %+v", load)
	}
	var linked struct {
		Code  string
		Load  *string
		Notes []string
	}
	p.eval(`JSON.parse(`+stage+`.applyLink("#/x?sleep=1&load.count=50", "import time\ndef rude():\n    time.sleep(4)\n", "20 x at 0 GET /\n"))`, &linked)
	if linked.Code != "import time\ndef rude():\n    time.sleep(1)\n" || linked.Load == nil || *linked.Load != "50 x at 0 GET /\n" || len(linked.Notes) != 0 {
		t.Errorf("applyLink with a load: %+v", linked)
	}
	linked.Load = nil
	p.eval(`JSON.parse(`+stage+`.applyLink("#/x?rude.sleep=2", "import time\ndef rude():\n    time.sleep(4)\n"))`, &linked)
	if linked.Load != nil || linked.Code != "import time\ndef rude():\n    time.sleep(2)\n" {
		t.Errorf("applyLink without a load: %+v", linked)
	}
}
