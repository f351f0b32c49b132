/**
 * The unit tree as a WAI-ARIA tree view: one tab stop, arrow keys move and open or close branches,
 * Home/End jump, Enter or Space selects a unit (or opens a kind group). A search or kind filter
 * opens every branch that leads to a match; without one, the branches down to the selected unit
 * are open. The rows are flat (aria-level, aria-posinset) so a long tree stays one cheap list.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnitItem } from "../../api/admin-org-units.js";
import { currentLanguage } from "../../i18n/index.js";
import { formatDate } from "../../lib/format.js";
import {
  ancestors,
  buildTree,
  isGroup,
  keyAction,
  type NodeId,
  narrows,
  type Row,
  shownNodes,
  type TreeFilter,
  type TreeKey,
  visibleRows,
} from "./tree-model.js";

const KEYS = new Set<string>(["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Home", "End"]);

export function UnitTree({
  units,
  filter,
  selected,
  onSelect,
}: {
  units: readonly OrgUnitItem[];
  filter: TreeFilter;
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation("adminOrgUnits");
  const lang = currentLanguage();
  const tree = useMemo(() => buildTree(units, lang), [units, lang]);
  const shown = useMemo(() => shownNodes(tree, filter), [tree, filter]);
  const narrowed = narrows(filter);
  // Branches the user opened or closed against their default; a new filter starts afresh.
  const filterKey = `${filter.q ?? ""}|${filter.kind ?? ""}|${filter.retired ? 1 : 0}`;
  const [toggled, setToggled] = useState<{ key: string; ids: Set<NodeId> }>({
    key: filterKey,
    ids: new Set(),
  });
  const flipped = toggled.key === filterKey ? toggled.ids : new Set<NodeId>();
  const openByDefault = useMemo(
    () => new Set(selected && tree.units.has(selected) ? ancestors(tree, selected) : []),
    [tree, selected],
  );
  const isOpen = (id: NodeId) => (narrowed || openByDefault.has(id)) !== flipped.has(id);
  const rows = visibleRows(tree, shown, isOpen);

  const toggle = (id: NodeId) =>
    setToggled(() => {
      const ids = new Set(flipped);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { key: filterKey, ids };
    });

  const [focused, setFocused] = useState<NodeId | undefined>(selected);
  const tabStop =
    (focused && rows.some((r) => r.id === focused) && focused) ||
    (selected && rows.some((r) => r.id === selected) && selected) ||
    rows[0]?.id;
  const listRef = useRef<HTMLDivElement>(null);
  const [moveTo, setMoveTo] = useState<NodeId | undefined>();
  useEffect(() => {
    if (!moveTo) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(moveTo)}"]`);
    el?.focus();
    setMoveTo(undefined);
  }, [moveTo]);

  // The selected unit in sight inside the tree's own scroll box (a link may open it deep down);
  // the page itself does not move.
  useEffect(() => {
    if (!selected) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(selected)}"]`);
    const box = el?.closest<HTMLElement>(".ou-tree-scroll");
    if (!el || !box) return;
    const top = el.offsetTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent, row: Row) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (isGroup(row.id)) toggle(row.id);
      else onSelect(row.id);
      return;
    }
    if (!KEYS.has(e.key)) return;
    e.preventDefault();
    const a = keyAction(rows, tree, row.id, e.key as TreeKey);
    if (!a) return;
    if ("focus" in a) {
      setFocused(a.focus);
      setMoveTo(a.focus);
    } else toggle("open" in a ? a.open : a.close);
  };

  if (rows.length === 0)
    return (
      <p className="ou-tree-empty" role="status">
        {t("tree.nothing")}
      </p>
    );

  return (
    <div role="tree" aria-label={t("tree.label")} className="ou-tree" ref={listRef}>
      {rows.map((row) => {
        const unit = tree.units.get(row.id);
        const group = isGroup(row.id);
        const kind = group ? row.id.slice(5) : (unit?.kind ?? "");
        const name = unit ? (lang === "en" && unit.name.en ? unit.name.en : unit.name.vi) : t(`kind.${kind}`);
        const dim = unit && narrowed && !shown.matched.has(unit.code);
        const label = unit
          ? `${name} (${unit.code})${unit.current ? "" : `, ${t("retired")}`}`
          : `${name}, ${t("tree.groupCount", { count: countUnder(tree.children, row.id, shown.matched) })}`;
        return (
          <div
            key={row.id}
            role="treeitem"
            aria-level={row.level}
            aria-setsize={row.size}
            aria-posinset={row.pos}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={group ? undefined : row.id === selected}
            aria-label={label}
            tabIndex={row.id === tabStop ? 0 : -1}
            data-node={row.id}
            className={`ou-node${group ? " ou-node-group" : ""}${dim ? " ou-node-dim" : ""}${unit && !unit.current ? " ou-node-retired" : ""}`}
            onFocus={() => setFocused(row.id)}
            onKeyDown={(e) => onKeyDown(e, row)}
            onClick={() => {
              setFocused(row.id);
              if (group) toggle(row.id);
              else onSelect(row.id);
            }}
          >
            <span className="ou-row" style={{ paddingInlineStart: `${(row.level - 1) * 18 + 4}px` }}>
              <span
                className="ou-chevron"
                aria-hidden
                onClick={(e) => {
                  if (!row.hasChildren) return;
                  e.stopPropagation();
                  toggle(row.id);
                }}
              >
                {row.hasChildren ? (row.expanded ? "▾" : "▸") : ""}
              </span>
              <span className="ou-label">
                <span className="ou-name">{name}</span>
                {unit ? (
                  <span className="ou-meta">
                    {unit.code} · {t(`kind.${unit.kind}`)}
                    {unit.validFrom || unit.validTo
                      ? ` · ${unit.validFrom ? formatDate(unit.validFrom, lang) : "…"} – ${unit.validTo ? formatDate(unit.validTo, lang) : "…"}`
                      : ""}
                    {unit.current ? "" : ` · ${t("retired")}`}
                  </span>
                ) : (
                  <span className="ou-meta">
                    {t("tree.groupCount", { count: countUnder(tree.children, row.id, shown.matched) })}
                  </span>
                )}
              </span>
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** The number of units in a group (its whole subtree) that the filters keep. */
function countUnder(children: Map<NodeId, NodeId[]>, id: NodeId, kept: Set<string>): number {
  let n = 0;
  for (const c of children.get(id) ?? []) n += (kept.has(c) ? 1 : 0) + countUnder(children, c, kept);
  return n;
}
