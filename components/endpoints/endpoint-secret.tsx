"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export type KeyKind = "hmac" | "ed25519";

const KIND_LABEL: Record<KeyKind, string> = {
  hmac: "HMAC-SHA256 secret (v1 signatures)",
  ed25519: "Ed25519 public key (v1a signatures)",
};

/**
 * The endpoint's verification key: the HMAC secret, revealed on demand, or the Ed25519 public key
 * (the secret key never leaves the server). Rotation keeps the kind; "Switch to …" rotates to a
 * new key of the other kind. Either way the previous key keeps signing for 24 hours.
 */
export function EndpointSecret({
  kind: initialKind,
  reveal,
  rotate,
}: {
  kind: KeyKind;
  reveal: () => Promise<string>;
  /** Absent for read-only viewers. */
  rotate?: (keyType: KeyKind) => Promise<{ previousValidUntil: string }>;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const [rotatedUntil, setRotatedUntil] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const kind: KeyKind = secret ? (secret.startsWith("whpk_") ? "ed25519" : "hmac") : initialKind;
  const other: KeyKind = kind === "hmac" ? "ed25519" : "hmac";
  const rotateTo = (keyType: KeyKind, question: string) => {
    if (!rotate || !window.confirm(question)) return;
    start(async () => {
      const { previousValidUntil } = await rotate(keyType);
      setRotatedUntil(previousValidUntil);
      setSecret(await reveal());
    });
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="key-kind">
        {KIND_LABEL[kind]}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="endpoint-secret"
          className="break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-950"
        >
          {secret ?? (kind === "hmac" ? "whsec_••••••••••••••••••••••••" : "whpk_••••••••••••••••••••••••")}
        </code>
        {secret ? (
          <>
            <CopyButton value={secret} />
            <Button variant="ghost" onClick={() => setSecret(null)}>
              Hide
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => start(async () => setSecret(await reveal()))}
          >
            {kind === "hmac" ? "Reveal" : "Show"}
          </Button>
        )}
        {rotate ? (
          <>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                rotateTo(kind, "Rotate the signing key? The current one keeps signing for 24 hours.")
              }
            >
              Rotate
            </Button>
            <Button
              variant="ghost"
              disabled={pending}
              onClick={() =>
                rotateTo(
                  other,
                  other === "ed25519"
                    ? "Switch to an Ed25519 key pair? Receivers verify v1a signatures with the public key; the current secret keeps signing for 24 hours."
                    : "Switch back to an HMAC secret? The current key keeps signing for 24 hours.",
                )
              }
            >
              {other === "ed25519" ? "Switch to Ed25519" : "Switch to HMAC"}
            </Button>
          </>
        ) : null}
      </div>
      {kind === "ed25519" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Only this public key is shared: it verifies signatures but cannot make them, so a receiver holding
          it cannot forge webhooks.
        </p>
      ) : null}
      {rotatedUntil ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Rotated. The previous key keeps signing until {new Date(rotatedUntil).toLocaleString()}.
        </p>
      ) : null}
    </div>
  );
}
