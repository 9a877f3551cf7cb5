import Link from "next/link";
import { CodeBlock } from "@/components/ui/code-block";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata = { title: "API reference" };

const methodColors: Record<string, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  patch: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

type Op = {
  tags: string[];
  summary: string;
  operationId: string;
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: unknown } } }>;
};

/** Each operation as the OpenAPI document has it (Svix's tags and ids), with its schemas. */
function documentOperations() {
  const doc = openApiDocument("") as unknown as { paths: Record<string, Record<string, Op>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const [status, success] = Object.entries(op.responses).find(([code]) => code.startsWith("2")) ?? [];
      return {
        method,
        path,
        tag: op.tags[0] ?? "Other",
        summary: op.summary,
        operationId: op.operationId,
        request: op.requestBody?.content["application/json"].schema,
        status,
        response: success?.content?.["application/json"].schema,
      };
    }),
  );
}

function Schema({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer py-1 text-xs text-brand-600 dark:text-brand-300">{title}</summary>
      <CodeBlock className="mt-1 max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">
        {JSON.stringify(schema, null, 2)}
      </CodeBlock>
    </details>
  );
}

export default function ApiReferencePage() {
  const operations = documentOperations();
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-10">
      <header className="space-y-2">
        <Link href="/dashboard" className="text-sm text-brand-600 dark:text-brand-300">
          ← Portal
        </Link>
        <h1 className="text-3xl font-semibold">Hookline API reference</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          REST API v1, compatible with the Svix SDKs (<code>new Svix(apiKey, {"{ serverUrl }"})</code>).
          Authenticate with <code>Authorization: Bearer &lt;api key&gt;</code>. The machine-readable document
          is at{" "}
          <a className="text-brand-600 underline dark:text-brand-300" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Errors are JSON: <code>{"{code, detail}"}</code>, and 422 carries{" "}
          <code>{"detail: [{loc, msg, type}]"}</code>. Lists take <code>limit</code>, <code>iterator</code>{" "}
          and <code>order</code> and answer <code>{"{data, iterator, prevIterator, done}"}</code>. POSTs
          honour <code>Idempotency-Key</code> for 24 hours.
        </p>
      </header>
      {tags.map((tag) => (
        <section key={tag} className="space-y-3">
          <h2 className="text-xl font-semibold">{tag}</h2>
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {operations
              .filter((o) => o.tag === tag)
              .map((o) => (
                <li key={`${o.method} ${o.path}`} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-3">
                    <span
                      className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs uppercase ${methodColors[o.method]}`}
                    >
                      {o.method}
                    </span>
                    <code className="break-all text-sm">{o.path}</code>
                    <span className="text-sm text-zinc-600 dark:text-zinc-400">{o.summary}</span>
                  </div>
                  <p className="mt-1 font-mono text-xs text-zinc-500 dark:text-zinc-400">{o.operationId}</p>
                  {o.request ? <Schema title="Request body" schema={o.request} /> : null}
                  {o.response ? (
                    <Schema title={`Response ${o.status}`} schema={o.response} />
                  ) : (
                    <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                      Response {o.status}: no content
                    </p>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
