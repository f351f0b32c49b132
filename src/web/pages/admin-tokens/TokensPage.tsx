/**
 * /admin/tokens (issue 15, item 4): the tokens issued to units' machines — scopes, expiry, last
 * use, status and who issued each, never a secret — filtered by status and unit in the URL; issuing
 * one (its secret shown once, with a copy button and ready curl commands) and revoking one after
 * a confirmation. Each action is offered by the flags the API presents.
 */
import { Alert, Button, Group, Select, Stack } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Token, useTokens } from "../../api/admin-tokens.js";
import { useSession } from "../../api/session.js";
import { ErrorNote, Loading } from "../../components/QueryState.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { type Issued, IssueTokenModal } from "./IssueTokenModal.js";
import { NewSecret } from "./NewSecret.js";
import { RevokeModal } from "./RevokeModal.js";
import { TokenTable } from "./TokenTable.js";
import { TOKEN_STATUSES, tokensShown } from "./token-model.js";
import { useUnitChoices } from "./unit-choices.js";
import "./strings.js";
import "./tokens.css";

export function TokensPage() {
  const { t } = useTranslation("adminTokens");
  const search = useSearch({ from: "/admin/tokens" });
  const navigate = useNavigate({ from: "/admin/tokens" });
  const can = useSession().data?.can;
  const [issuing, setIssuing] = useState(false);
  // The secret lives only here, in memory, until dismissed: never in the URL or storage.
  const [issued, setIssued] = useState<Issued | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  return (
    <AdminFrame
      area="tokens"
      title={t("title")}
      intro={t("intro")}
      actions={
        can?.manageApiTokens && (
          <Button onClick={() => setIssuing(true)} disabled={issued !== null}>
            {t("issue")}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {issued && <NewSecret issued={issued} onDone={() => setIssued(null)} />}
        {revoked && (
          <Alert
            color="green"
            role="status"
            withCloseButton
            onClose={() => setRevoked(null)}
            closeButtonLabel={t("dismiss")}
          >
            {t("revoke.done", { name: revoked })}
          </Alert>
        )}
        <TokenFilters
          status={search.status}
          unit={search.unit}
          onChange={(s) => void navigate({ search: s, replace: true })}
        />
        <TokenList status={search.status} unit={search.unit} onRevoke={setRevoking} />
      </Stack>
      <IssueTokenModal
        opened={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(x) => {
          setIssuing(false);
          setRevoked(null);
          setIssued(x);
        }}
      />
      <RevokeModal
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(name) => {
          setRevoking(null);
          setRevoked(name);
        }}
      />
    </AdminFrame>
  );
}

type Filter = { status?: (typeof TOKEN_STATUSES)[number]; unit?: string };

function TokenFilters({ status, unit, onChange }: Filter & { onChange: (f: Filter) => void }) {
  const { t } = useTranslation("adminTokens");
  const units = useUnitChoices(unit);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t("filters.label")}>
      <Select
        label={t("filters.status")}
        placeholder={t("filters.anyStatus")}
        data={TOKEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={status ?? null}
        onChange={(v) => onChange({ unit, status: TOKEN_STATUSES.find((s) => s === v) })}
        clearable
        w={{ base: "100%", sm: 200 }}
      />
      <Select
        label={t("filters.unit")}
        placeholder={t("filters.anyUnit")}
        data={units}
        value={unit ?? null}
        onChange={(v) => onChange({ status, unit: v ?? undefined })}
        searchable
        clearable
        w={{ base: "100%", sm: 320 }}
      />
    </Group>
  );
}

function TokenList({ status, unit, onRevoke }: Filter & { onRevoke: (t: Token) => void }) {
  const { t } = useTranslation("adminTokens");
  const list = useTokens();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  const all = list.data.items;
  const shown = tokensShown(all, { status, unit });
  if (all.length === 0) return <Alert color="gray">{t("list.empty")}</Alert>;
  if (shown.length === 0) return <Alert color="gray">{t("list.emptyFiltered")}</Alert>;
  return <TokenTable tokens={shown} total={all.length} onRevoke={onRevoke} />;
}
