// Any method to /in/<token>/<path…>: recorded with its path (lib/inspector/receive-request.ts)
import { receiveInspectorRequest } from "@/lib/inspector/receive-request";

type Context = { params: Promise<{ token: string; path: string[] }> };

const receive = async (req: Request, { params }: Context) => {
  const { token, path } = await params;
  return receiveInspectorRequest(req, token, path);
};

export {
  receive as DELETE,
  receive as GET,
  receive as HEAD,
  receive as OPTIONS,
  receive as PATCH,
  receive as POST,
  receive as PUT,
};
