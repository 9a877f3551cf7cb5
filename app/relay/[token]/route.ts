// Any method to /relay/<token>: handed to the `npm run listen` CLI (lib/relay/receive-relay-request.ts)
import { receiveRelayRequest } from "@/lib/relay/receive-relay-request";

type Context = { params: Promise<{ token: string }> };

const receive = async (req: Request, { params }: Context) => receiveRelayRequest(req, (await params).token);

export {
  receive as DELETE,
  receive as GET,
  receive as HEAD,
  receive as OPTIONS,
  receive as PATCH,
  receive as POST,
  receive as PUT,
};
