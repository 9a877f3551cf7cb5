// How a receiver verifies `v1a` (Ed25519) signatures, per language, with each language's standard
// Ed25519 verification: the Standard Webhooks libraries check only `v1` (HMAC) today. The signed
// content is "<webhook-id>.<webhook-timestamp>.<raw body>"; the header may carry several
// space-separated signatures (during a rotation), any `v1a` one that verifies will do.

/**
 * A self-contained Node verifier (node:crypto only): the Node snippet's first part, also what
 * README ships. Tests run this exact text against real deliveries.
 */
export function nodeV1aVerifier(publicKey: string): string {
  return `import { createPublicKey, verify } from "node:crypto";

const publicKey = createPublicKey({
  key: { kty: "OKP", crv: "Ed25519", x: Buffer.from("${publicKey}".replace(/^whpk_/, ""), "base64").toString("base64url") },
  format: "jwk",
});

// Throws unless a v1a signature in the headers is valid for this raw body and recent (5 minutes).
export function verifyWebhook(rawBody, headers) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  if (!id || !/^\\d+$/.test(timestamp ?? "") || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300)
    throw new Error("missing or stale webhook headers");
  const signed = Buffer.concat([Buffer.from(\`\${id}.\${timestamp}.\`), Buffer.from(rawBody)]);
  const valid = String(headers["webhook-signature"] ?? "").split(" ").some((candidate) => {
    const [version, signature] = candidate.split(",");
    return version === "v1a" && verify(null, signed, publicKey, Buffer.from(signature ?? "", "base64"));
  });
  if (!valid) throw new Error("invalid signature");
  return JSON.parse(Buffer.from(rawBody).toString("utf8"));
}`;
}

export function ed25519Snippets(publicKey: string): { language: string; install: string; code: string }[] {
  return [
    {
      language: "Node.js",
      install: "# nothing to install: node:crypto verifies Ed25519",
      code: `${nodeV1aVerifier(publicKey)}

// Use the raw request body (a Buffer), not re-serialised JSON.
app.post("/webhooks", express.raw({ type: "application/json" }), (req, res) => {
  try {
    const event = verifyWebhook(req.body, req.headers);
    res.sendStatus(204);
  } catch {
    res.sendStatus(400);
  }
});`,
    },
    {
      language: "Python",
      install: "pip install cryptography",
      code: `import base64, time
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

PUBLIC_KEY = Ed25519PublicKey.from_public_bytes(base64.b64decode("${publicKey}".removeprefix("whpk_")))

def verify_webhook(raw_body: bytes, headers) -> bytes:
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        raise ValueError("stale timestamp")
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    for candidate in headers["webhook-signature"].split(" "):
        version, _, signature = candidate.partition(",")
        if version != "v1a":
            continue
        try:
            PUBLIC_KEY.verify(base64.b64decode(signature), signed)
            return raw_body
        except (InvalidSignature, ValueError):
            pass
    raise ValueError("invalid signature")`,
    },
    {
      language: "Go",
      install: "# standard library: crypto/ed25519",
      code: `import (
	"crypto/ed25519"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

var publicKey, _ = base64.StdEncoding.DecodeString(strings.TrimPrefix("${publicKey}", "whpk_"))

func verifyWebhook(body []byte, h http.Header) bool {
	ts, err := strconv.ParseInt(h.Get("webhook-timestamp"), 10, 64)
	if err != nil || time.Since(time.Unix(ts, 0)).Abs() > 5*time.Minute {
		return false
	}
	signed := append([]byte(h.Get("webhook-id")+"."+h.Get("webhook-timestamp")+"."), body...)
	for _, candidate := range strings.Split(h.Get("webhook-signature"), " ") {
		version, signature, _ := strings.Cut(candidate, ",")
		raw, err := base64.StdEncoding.DecodeString(signature)
		if version == "v1a" && err == nil && ed25519.Verify(ed25519.PublicKey(publicKey), signed, raw) {
			return true
		}
	}
	return false
}`,
    },
    {
      language: "PHP",
      install: "# ext-sodium, bundled with PHP 7.2+",
      code: `<?php
$publicKey = base64_decode(substr("${publicKey}", strlen("whpk_")));
$payload = file_get_contents("php://input");
$id = $_SERVER["HTTP_WEBHOOK_ID"] ?? "";
$timestamp = $_SERVER["HTTP_WEBHOOK_TIMESTAMP"] ?? "";
$valid = false;
if (ctype_digit($timestamp) && abs(time() - (int) $timestamp) <= 300) {
    foreach (explode(" ", $_SERVER["HTTP_WEBHOOK_SIGNATURE"] ?? "") as $candidate) {
        [$version, $signature] = array_pad(explode(",", $candidate, 2), 2, "");
        $raw = base64_decode($signature, true);
        if ($version === "v1a" && $raw !== false && strlen($raw) === SODIUM_CRYPTO_SIGN_BYTES
            && sodium_crypto_sign_verify_detached($raw, "$id.$timestamp.$payload", $publicKey)) {
            $valid = true;
            break;
        }
    }
}
http_response_code($valid ? 204 : 400);`,
    },
    {
      language: "Ruby",
      install: "gem install ed25519",
      code: `require "base64"
require "ed25519"

PUBLIC_KEY = Ed25519::VerifyKey.new(Base64.strict_decode64("${publicKey}".delete_prefix("whpk_")))

def verify_webhook(payload, id, timestamp, signature_header)
  return false unless timestamp.to_s.match?(/\\A\\d+\\z/) && (Time.now.to_i - timestamp.to_i).abs <= 300
  signed = "#{id}.#{timestamp}.#{payload}"
  signature_header.to_s.split(" ").any? do |candidate|
    version, signature = candidate.split(",", 2)
    next false unless version == "v1a"
    PUBLIC_KEY.verify(Base64.decode64(signature.to_s), signed)
  rescue Ed25519::VerifyError, ArgumentError
    false
  end
end

post "/webhooks" do
  payload = request.body.read
  ok = verify_webhook(payload, request.env["HTTP_WEBHOOK_ID"], request.env["HTTP_WEBHOOK_TIMESTAMP"],
    request.env["HTTP_WEBHOOK_SIGNATURE"])
  status(ok ? 204 : 400)
end`,
    },
  ];
}

export const PUBLIC_KEY_PLACEHOLDER = "whpk_YOUR_ENDPOINT_PUBLIC_KEY";
