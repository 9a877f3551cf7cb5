// Any method to /in/<token>: recorded by the request inspector (lib/inspector/receive-request.ts)
import { anyMethod } from "@/lib/http/any-method";
import { receiveInspectorRequest } from "@/lib/inspector/receive-request";

export const { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } = anyMethod(
  async (req: Request, { params }: { params: Promise<{ token: string }> }) =>
    receiveInspectorRequest(req, (await params).token),
);
