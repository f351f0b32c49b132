/**
 * /admin/plan-file (issue 15, item 3): a whole plan created or updated from one YAML or JSON file.
 * Start from the current definition (downloaded), choose or paste the file, check it — always a
 * dry run first, its problems by line and field with the lines marked — and import only the very
 * text that passed, after a confirmation naming the plan. Open to administrators (any plan, new
 * plans) and a plan's Standing Office (its own plan); the server refuses the rest in its words.
 */
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlanFileSummary, useCheckPlanFile } from "../../api/admin-plan-file.js";
import { DEFAULT_PLAN } from "../../app/search.js";
import { AdminFrame } from "../admin/AdminFrame.js";
import { CheckErrors } from "./CheckErrors.js";
import { CommitPanel, CommitResult } from "./CommitPanel.js";
import { CurrentDefinition } from "./CurrentDefinition.js";
import { type ChosenPlanFile, MAX_BYTES } from "./chosen-file.js";
import { FileSource } from "./FileSource.js";
import { OutcomeSummary } from "./OutcomeSummary.js";
import { byteLength } from "./plan-file-kind.js";
import "./strings.js";
import "./plan-file.css";

interface Checked {
  text: string;
  summary?: PlanFileSummary;
  error?: unknown;
}

export function PlanFilePage() {
  const { t } = useTranslation("adminPlanFile");
  const search = useSearch({ from: "/admin/plan-file" });
  const navigate = useNavigate({ from: "/admin/plan-file" });
  const plan = search.plan ?? DEFAULT_PLAN;
  const [chosen, setChosen] = useState<ChosenPlanFile | null>(null);
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<PlanFileSummary | null>(null);
  const [editing, setEditing] = useState(false);
  const check = useCheckPlanFile();
  const textBytes = useMemo(() => byteLength(text), [text]);

  const choose = (c: ChosenPlanFile) => {
    setChosen(c);
    setDone(null);
    setEditing(false);
    if (c.text !== undefined) setText(c.text);
  };
  const clear = () => {
    setChosen(null);
    setEditing(false);
    setText("");
    setChecked(null);
    setDone(null);
  };
  const runCheck = () => {
    const sent = text;
    setDone(null);
    check.mutate(sent, {
      onSuccess: (summary) => setChecked({ text: sent, summary }),
      onError: (error) => setChecked({ text: sent, error }),
    });
  };
  const stale = checked !== null && checked.text !== text;
  const canCheck = text.trim() !== "" && textBytes <= MAX_BYTES && !chosen?.wrong;

  return (
    <AdminFrame area="plans" title={t("title")} intro={t("intro")}>
      <Stack gap="md" maw={1100}>
        <CurrentDefinition
          plan={plan}
          onPlan={(code) => void navigate({ search: (s) => ({ ...s, plan: code }), replace: true })}
        />
        <FileSource
          chosen={chosen}
          edited={chosen?.text !== undefined && chosen.text !== text}
          fromFile={chosen?.text !== undefined && !editing}
          text={text}
          textBytes={textBytes}
          onChosen={choose}
          onText={setText}
          onClear={clear}
          onEdit={() => setEditing(true)}
        />
        <Group gap="sm">
          <Button onClick={runCheck} disabled={!canCheck} loading={check.isPending}>
            {t("check.button")}
          </Button>
        </Group>
        {check.isPending && (
          <Text size="sm" role="status">
            {t("check.checking")}
          </Text>
        )}
        {stale && !check.isPending && (
          <Alert color="yellow" role="status">
            {t("check.stale")}
          </Alert>
        )}
        {done ? (
          <CommitResult summary={done} onAgain={clear} />
        ) : (
          checked &&
          !check.isPending &&
          (checked.summary ? (
            <Alert color="green" role="status" className="pf-clean">
              <Text fw={700} mb={4}>
                {t("summary.cleanTitle")}
              </Text>
              <OutcomeSummary summary={checked.summary} done={false} />
            </Alert>
          ) : (
            <CheckErrors error={checked.error} text={checked.text} />
          ))
        )}
        {!done && !stale && checked?.summary && !check.isPending && (
          <CommitPanel text={checked.text} checked={checked.summary} onDone={setDone} />
        )}
      </Stack>
    </AdminFrame>
  );
}
