// Readable, line-based output for the demo (works the same in a terminal, a pipe and a test).

/**
 * @typedef {object} Output
 * @property {(text: string) => void} title   the demo's heading
 * @property {(text: string) => void} step    a numbered section
 * @property {(text: string) => void} line    an indented detail line
 * @property {(text: string) => void} ok      a success line
 * @property {(text: string) => void} fail    an expected, handled failure
 * @property {(text: string) => void} note    an aside
 * @property {(done: number, total: number, text: string) => void} progress  a progress line
 */

/**
 * @param {{ write(chunk: string): unknown }} stream
 * @returns {Output}
 */
export function createOutput(stream) {
  let steps = 0;
  const write = (/** @type {string} */ text) => stream.write(`${text}\n`);
  return {
    title: (text) => write(`${text}\n${"=".repeat(Math.min(text.length, 78))}`),
    step: (text) => write(`\n${++steps}. ${text}`),
    line: (text) => write(`   ${text}`),
    ok: (text) => write(`   ✓ ${text}`),
    fail: (text) => write(`   ✗ ${text}`),
    note: (text) => write(`   · ${text}`),
    progress: (done, total, text) => write(`   ${bar(done, total)} ${done}/${total} ${text}`),
  };
}

/**
 * @param {number} done
 * @param {number} total
 */
function bar(done, total) {
  const width = 12;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}
