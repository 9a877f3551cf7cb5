// A worker thread that runs transformations in QuickJS (see run-transformation.ts). Plain
// JavaScript: it is loaded by `new Worker()`, outside the TypeScript loader.
//
// Each script is compiled once per thread into its own runtime (memory and stack limits) and
// context, and kept (up to CACHE_MAX, least recently used first out): a run is then one call of
// its handler, with a fresh CPU deadline. A script that failed by running out of time or memory
// has its runtime thrown away, so the next run starts clean.
import { parentPort } from "node:worker_threads";
import variant from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant } from "quickjs-emscripten-core";

const CACHE_MAX = 50;
const quickjs = await newQuickJSWASMModuleFromVariant(variant);
const cache = new Map();
let deadline = 0;

function compiled(code, memoryBytes, stackBytes) {
  const found = cache.get(code);
  if (found) {
    cache.delete(code);
    cache.set(code, found);
    return found;
  }
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(memoryBytes);
  runtime.setMaxStackSize(stackBytes);
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const context = runtime.newContext();
  const setup = context.evalCode(
    `${code}
;globalThis.__hooklineRun = function (input, vars) {
  if (typeof handler !== "function") throw new Error("the code must define function handler(webhook)");
  var webhook = JSON.parse(input);
  var out = handler(webhook, JSON.parse(vars));
  return JSON.stringify(out === undefined ? webhook : out);
};`,
    "transformation.js",
  );
  const entry = { runtime, context, run: null, setupError: null };
  if (setup.error) {
    entry.setupError = context.dump(setup.error);
    setup.error.dispose();
  } else {
    setup.value.dispose();
    entry.run = context.getProp(context.global, "__hooklineRun");
  }
  cache.set(code, entry);
  if (cache.size > CACHE_MAX) drop(cache.keys().next().value);
  return entry;
}

function drop(code) {
  const entry = cache.get(code);
  if (!entry) return;
  cache.delete(code);
  entry.run?.dispose();
  entry.context.dispose();
  entry.runtime.dispose();
}

const plain = (error) =>
  typeof error === "string" ? error : { name: error?.name, message: String(error?.message ?? "") };

parentPort.on("message", ({ id, code, webhook, variables, cpuMs, memoryBytes, stackBytes }) => {
  try {
    deadline = Date.now() + cpuMs;
    const entry = compiled(code, memoryBytes, stackBytes);
    if (entry.setupError) {
      const error = plain(entry.setupError);
      drop(code);
      parentPort.postMessage({ id, error });
      return;
    }
    const { context } = entry;
    const input = context.newString(JSON.stringify(webhook));
    const vars = context.newString(JSON.stringify(variables));
    deadline = Date.now() + cpuMs;
    const result = context.callFunction(entry.run, context.undefined, input, vars);
    input.dispose();
    vars.dispose();
    if (result.error) {
      const error = plain(context.dump(result.error));
      result.error.dispose();
      // Out of time or memory leaves the runtime in no state to trust: start it afresh next time.
      if (typeof error !== "string" && (error.message === "interrupted" || error.message === "out of memory"))
        drop(code);
      parentPort.postMessage({ id, error });
    } else {
      const text = context.getString(result.value);
      result.value.dispose();
      parentPort.postMessage({ id, text });
    }
  } catch (error) {
    drop(code);
    parentPort.postMessage({
      id,
      error: { name: "InternalError", message: String(error?.message ?? error) },
    });
  }
});
parentPort.postMessage({ ready: true });
