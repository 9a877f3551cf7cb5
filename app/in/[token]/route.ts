// Any method to /in/<token>: recorded by the request inspector (lib/inspector/receive-request.ts)
import { receiveInspectorRequest } from "@/lib/inspector/receive-request";

type Context = { params: Promise<{ token: string }> };

const receive = async (req: Request, { params }: Context) =>
  receiveInspectorRequest(req, (await params).token);

export {
  receive as DELETE,
  receive as GET,
  receive as HEAD,
  receive as OPTIONS,
  receive as PATCH,
  receive as POST,
  receive as PUT,
};
