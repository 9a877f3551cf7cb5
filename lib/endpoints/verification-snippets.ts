import { ed25519Snippets } from "@/lib/endpoints/ed25519-snippets";

/**
 * How a receiver verifies our signatures, per language: with the Standard Webhooks libraries for
 * an HMAC secret (`v1`), with each language's Ed25519 verification for a `whpk_` public key
 * (`v1a`). The key is filled in on demand in the portal; until then a placeholder stands in.
 */
export function verificationSnippets(secret: string): { language: string; install: string; code: string }[] {
  if (secret.startsWith("whpk_")) return ed25519Snippets(secret);
  return [
    {
      language: "Node.js",
      install: "npm install standardwebhooks",
      code: `import { Webhook } from "standardwebhooks";

const wh = new Webhook("${secret}");

// Use the raw request body (a string or Buffer), not re-serialised JSON.
app.post("/webhooks", express.raw({ type: "application/json" }), (req, res) => {
  try {
    const event = wh.verify(req.body, req.headers); // throws when the signature is wrong
    res.sendStatus(204);
  } catch {
    res.sendStatus(400);
  }
});`,
    },
    {
      language: "Python",
      install: "pip install standardwebhooks",
      code: `from standardwebhooks.webhooks import Webhook

wh = Webhook("${secret}")

@app.post("/webhooks")
def webhooks(request):
    # raises WebhookVerificationError when the signature is wrong
    event = wh.verify(request.body, dict(request.headers))
    return "", 204`,
    },
    {
      language: "Go",
      install: "go get github.com/standard-webhooks/standard-webhooks/libraries/go",
      code: `import standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

wh, err := standardwebhooks.NewWebhook("${secret}")

func handler(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := wh.Verify(body, r.Header); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}`,
    },
    {
      language: "PHP",
      install: "composer require standard-webhooks/standard-webhooks",
      code: `<?php
use StandardWebhooks\\Webhook;

$wh = new Webhook("${secret}");
$payload = file_get_contents("php://input");
$headers = [
    "webhook-id" => $_SERVER["HTTP_WEBHOOK_ID"],
    "webhook-timestamp" => $_SERVER["HTTP_WEBHOOK_TIMESTAMP"],
    "webhook-signature" => $_SERVER["HTTP_WEBHOOK_SIGNATURE"],
];
$event = $wh->verify($payload, $headers); // throws when the signature is wrong
http_response_code(204);`,
    },
    {
      language: "Ruby",
      install: "gem install standardwebhooks",
      code: `require "standardwebhooks"

wh = StandardWebhooks::Webhook.new("${secret}")

post "/webhooks" do
  payload = request.body.read
  # raises StandardWebhooks::WebhookVerificationError when the signature is wrong
  event = wh.verify(payload, request.env.select { |k, _| k.start_with?("HTTP_WEBHOOK_") }
    .transform_keys { |k| k.delete_prefix("HTTP_").downcase.tr("_", "-") })
  status 204
end`,
    },
  ];
}

export const SECRET_PLACEHOLDER = "whsec_YOUR_ENDPOINT_SECRET";
