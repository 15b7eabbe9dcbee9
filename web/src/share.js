// Links that carry what the learner built: edited code and requests go
// into the link compressed (deflate, then base64url), so a teacher can send
// the scenario they made. The browser's CompressionStream does the work.

// MaxLink is the longest link we offer; longer ones break in some mail
// and chat programs and in older browsers' address bars.
export const MaxLink = 8000;

const fromB64 = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

// pack compresses a text for a link.
export async function pack(text) {
  const bytes = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"));
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// unpack reads a packed text; it throws on anything that is not one.
export async function unpack(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not a packed text");
  const bytes = await pipe(fromB64(s), new DecompressionStream("deflate-raw"));
  if (bytes.length > 200000) throw new Error("too long");
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

