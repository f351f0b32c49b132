/**
 * The unit tree's pure parts: accent-insensitive matching ("ha noi" finds "Hà Nội"), the tree by
 * parent with the top-level units grouped by kind (104 of the demo's 150 units have no parent), the
 * units a search or filter keeps (with their ancestors, so each match is seen where it sits), and
 * the rows a keyboard moves through. No DOM: tested in test/web/admin-org-units-tree.test.ts.
 */

export interface TreeUnit {
  code: string;
  kind: string;
  parent: string | null;
  name: { vi: string; en: string | null };
  current: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface TreeFilter {
  q?: string | undefined;
  kind?: string | undefined;
  /** Show units no longer (or not yet) valid. */
  retired?: boolean | undefined;
}

/** The order of the kind groups at the top of the tree. */
export const KIND_ORDER = [
  "country",
  "central_body",
  "party_committee",
  "ministry",
  "ministry_level_agency",
  "government_agency",
  "province",
  "commune",
  "agency",
  "institute",
  "enterprise",
  "other",
] as const;

/** Lower case without diacritics (đ → d), spaces collapsed: what a search compares. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Every word of the query in the unit's code or one of its names. */
export function matchesQuery(u: TreeUnit, q: string): boolean {
  const words = fold(q).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(`${u.code} ${u.name.vi} ${u.name.en ?? ""}`);
  return words.every((w) => hay.includes(w));
}

export function matchesFilter(u: TreeUnit, f: TreeFilter): boolean {
  return (!!f.retired || u.current) && (!f.kind || u.kind === f.kind) && (!f.q || matchesQuery(u, f.q));
}

/** A node id: a unit's code, or "kind:<kind>" for a group of top-level units. */
export type NodeId = string;
export const groupId = (kind: string): NodeId => `kind:${kind}`;
export const isGroup = (id: NodeId): boolean => id.startsWith("kind:");

export interface UnitTree {
  units: Map<string, TreeUnit>;
  /** Children of each node, the groups under the key "" (the root). */
  children: Map<NodeId, NodeId[]>;
  parentOf: Map<NodeId, NodeId>;
}

const kindRank = (k: string) => {
  const i = (KIND_ORDER as readonly string[]).indexOf(k);
  return i < 0 ? KIND_ORDER.length : i;
};

/** The tree: groups by kind of the units with no (known) parent, then each unit's sub-units by name. */
export function buildTree(list: readonly TreeUnit[], lang: "vi" | "en"): UnitTree {
  const units = new Map(list.map((u) => [u.code, u]));
  const children = new Map<NodeId, NodeId[]>();
  const parentOf = new Map<NodeId, NodeId>();
  const add = (parent: NodeId, child: NodeId) => {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
    parentOf.set(child, parent);
  };
  for (const u of list) {
    if (u.parent && units.has(u.parent) && u.parent !== u.code) add(u.parent, u.code);
    else add(groupId(u.kind), u.code);
  }
  const name = (c: string) => {
    const u = units.get(c);
    return u ? (lang === "en" && u.name.en ? u.name.en : u.name.vi) : c;
  };
  for (const kids of children.values())
    kids.sort(
      (a, b) =>
        Number(!units.get(a)?.current) - Number(!units.get(b)?.current) ||
        name(a).localeCompare(name(b), lang),
    );
  const groups = [...children.keys()]
    .filter(isGroup)
    .sort((a, b) => kindRank(a.slice(5)) - kindRank(b.slice(5)));
  for (const g of groups) parentOf.set(g, "");
  children.set("", groups);
  return { units, children, parentOf };
}

/** The ancestors of a node, nearest first (the group last). */
export function ancestors(tree: UnitTree, id: NodeId): NodeId[] {
  const out: NodeId[] = [];
  const seen = new Set<NodeId>([id]);
  for (let p = tree.parentOf.get(id); p !== undefined && p !== "" && !seen.has(p); p = tree.parentOf.get(p)) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

export interface Shown {
  /** Nodes to show: the matching units, their ancestors and their groups. */
  nodes: Set<NodeId>;
  /** The units that match (the others are shown as the way to a match). */
  matched: Set<string>;
}

export function shownNodes(tree: UnitTree, f: TreeFilter): Shown {
  const nodes = new Set<NodeId>();
  const matched = new Set<string>();
  for (const u of tree.units.values()) {
    if (!matchesFilter(u, f)) continue;
    matched.add(u.code);
    nodes.add(u.code);
    for (const a of ancestors(tree, u.code)) nodes.add(a);
  }
  return { nodes, matched };
}

/** Whether a search or kind filter narrows the tree (its branches then open by themselves). */
export const narrows = (f: TreeFilter): boolean => !!(f.q && fold(f.q)) || !!f.kind;

export interface Row {
  id: NodeId;
  level: number;
  /** Position among its shown siblings (1-based) and their number: aria-posinset / aria-setsize. */
  pos: number;
  size: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows shown, depth first, given which nodes are open. */
export function visibleRows(tree: UnitTree, shown: Shown, isOpen: (id: NodeId) => boolean): Row[] {
  const rows: Row[] = [];
  const walk = (parent: NodeId, level: number) => {
    const kids = (tree.children.get(parent) ?? []).filter((k) => shown.nodes.has(k));
    kids.forEach((id, i) => {
      const hasChildren = (tree.children.get(id) ?? []).some((k) => shown.nodes.has(k));
      const expanded = hasChildren && isOpen(id);
      rows.push({ id, level, pos: i + 1, size: kids.length, hasChildren, expanded });
      if (expanded) walk(id, level + 1);
    });
  };
  walk("", 1);
  return rows;
}

export type TreeKey = "ArrowDown" | "ArrowUp" | "ArrowRight" | "ArrowLeft" | "Home" | "End";

/** What a key does on a row (the tree view pattern): move focus to a row, or open/close the row. */
export type KeyAction = { focus: NodeId } | { open: NodeId } | { close: NodeId } | null;

export function keyAction(rows: readonly Row[], tree: UnitTree, current: NodeId, key: TreeKey): KeyAction {
  const i = rows.findIndex((r) => r.id === current);
  if (rows.length === 0) return null;
  if (i < 0) return { focus: (rows[0] as Row).id };
  const row = rows[i] as Row;
  const at = (j: number) => (rows[j] ? { focus: (rows[j] as Row).id } : null);
  switch (key) {
    case "ArrowDown":
      return at(i + 1);
    case "ArrowUp":
      return at(i - 1);
    case "Home":
      return at(0);
    case "End":
      return at(rows.length - 1);
    case "ArrowRight":
      if (!row.hasChildren) return null;
      return row.expanded ? at(i + 1) : { open: row.id };
    case "ArrowLeft": {
      if (row.expanded) return { close: row.id };
      const p = tree.parentOf.get(row.id);
      return p ? { focus: p } : null;
    }
  }
}
