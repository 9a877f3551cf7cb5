// Any method to /in/<token>/<path…>: recorded with its path (lib/inspector/receive-request.ts)
import { anyMethod } from "@/lib/http/any-method";
import { receiveInspectorRequest } from "@/lib/inspector/receive-request";

export const { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } = anyMethod(
  async (req: Request, { params }: { params: Promise<{ token: string; path: string[] }> }) => {
    const { token, path } = await params;
    return receiveInspectorRequest(req, token, path);
  },
);
