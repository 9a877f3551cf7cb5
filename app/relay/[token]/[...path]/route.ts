// Any method to /relay/<token>/<path…>: handed to the CLI with its path (lib/relay/receive-relay-request.ts)
import { anyMethod } from "@/lib/http/any-method";
import { receiveRelayRequest } from "@/lib/relay/receive-relay-request";

export const { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } = anyMethod(
  async (req: Request, { params }: { params: Promise<{ token: string; path: string[] }> }) => {
    const { token, path } = await params;
    return receiveRelayRequest(req, token, path);
  },
);
