// Small DOM helpers shared by the page's modules.

// $ is the element with that id.
export const $ = (id) => document.getElementById(id);

// el builds an element: el("span", {className: "t", textContent: "x"}, child...).
export function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

// afterPaint waits for two animation frames, so what changed has painted.
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

// narrow says the page is in one column (a phone, a narrow window).
export const narrow = () => matchMedia("(max-width: 900px)").matches;
