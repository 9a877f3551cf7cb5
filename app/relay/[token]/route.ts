// Any method to /relay/<token>: handed to the `npm run listen` CLI (lib/relay/receive-relay-request.ts)
import { anyMethod } from "@/lib/http/any-method";
import { receiveRelayRequest } from "@/lib/relay/receive-relay-request";

export const { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } = anyMethod(
  async (req: Request, { params }: { params: Promise<{ token: string }> }) =>
    receiveRelayRequest(req, (await params).token),
);
