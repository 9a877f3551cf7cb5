// Any method to /relay/<token>/<path…>: handed to the CLI with its path (lib/relay/receive-relay-request.ts)
import { receiveRelayRequest } from "@/lib/relay/receive-relay-request";

type Context = { params: Promise<{ token: string; path: string[] }> };

const receive = async (req: Request, { params }: Context) => {
  const { token, path } = await params;
  return receiveRelayRequest(req, token, path);
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
