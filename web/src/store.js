// The learner's progress, answers, edits and theme, kept in localStorage
// under "looplab:". Private browsing without storage keeps working, only
// forgetfully.
export const store = {
  get(key, fallback) {
    try { return JSON.parse(localStorage.getItem("looplab:" + key)) ?? fallback; } catch { return fallback; }
  },
  set(key, value) {
    try { localStorage.setItem("looplab:" + key, JSON.stringify(value)); } catch { /* private mode: keep going */ }
  },
  remove(key) {
    try { localStorage.removeItem("looplab:" + key); } catch { /* private mode */ }
  },
  // keys lists the stored keys that start with prefix, without "looplab:".
  keys(prefix) {
    try { return Object.keys(localStorage).filter((k) => k.startsWith("looplab:" + prefix)).map((k) => k.slice(8)); } catch { return []; }
  },
};

// hash is a short, stable digest of a text (FNV-1a), for storage keys.
export function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
