module looplab

go 1.26
