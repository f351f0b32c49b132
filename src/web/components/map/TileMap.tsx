/**
 * The tile map itself: a CSS grid of 34 province tiles placed as province-tiles.ts says, each a
 * link to the unit's page (focusable, Enter opens it) whose accessible name says the value and
 * the class in words ("Hà Nội: 82,4 %, đúng tiến độ"). Arrow keys move between tiles by
 * geography. Hoàng Sa and Trường Sa are drawn joined to Đà Nẵng and Khánh Hòa.
 */
import { Link } from "@tanstack/react-router";
import type { KeyboardEvent } from "react";
import type { Language } from "../../i18n/index.js";
import { GRID_COLUMNS, GRID_ROWS, islandMarkers, provinceTiles } from "./province-tiles.js";

export interface TileView {
  code: string;
  fill: string;
  /** The value as shown on the tile ("82,4 %" or "—"). */
  valueText: string;
  /** A glyph for the status class, so colour is never the only cue (status mode only). */
  glyph?: string;
  label: string;
}

/** Tiles in reading order (north to south, west to east): the Tab order follows the map. */
const ordered = [...provinceTiles].sort((a, b) => a.row - b.row || a.col - b.col);

/** The tile to move to with an arrow key: the nearest one in that direction. */
function neighbour(code: string, key: string): string | undefined {
  const from = provinceTiles.find((t) => t.code === code);
  if (!from) return undefined;
  const [dc, dr] =
    key === "ArrowRight" ? [1, 0] : key === "ArrowLeft" ? [-1, 0] : key === "ArrowDown" ? [0, 1] : [0, -1];
  let best: { code: string; cost: number } | undefined;
  for (const t of provinceTiles) {
    const along = (t.col - from.col) * dc + (t.row - from.row) * dr;
    if (along <= 0) continue;
    const across = Math.abs(dc === 0 ? t.col - from.col : t.row - from.row);
    const cost = along + across * 2;
    if (!best || cost < best.cost) best = { code: t.code, cost };
  }
  return best?.code;
}

export function TileMap({
  plan,
  tiles,
  lang,
  label,
}: {
  plan: string;
  tiles: ReadonlyMap<string, TileView>;
  lang: Language;
  label: string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"].includes(e.key)) return;
    const code = (e.target as HTMLElement).dataset.code;
    if (!code) return;
    const next = neighbour(code, e.key);
    if (!next) return;
    e.preventDefault();
    e.currentTarget.querySelector<HTMLElement>(`[data-code="${next}"]`)?.focus();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not a form's fieldset
    <div
      className="tile-map"
      role="group"
      aria-label={label}
      onKeyDown={onKeyDown}
      style={{
        gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
      }}
    >
      {ordered.map((t) => {
        const view = tiles.get(t.code);
        return (
          <Link
            key={t.code}
            to="/org-units/$code"
            params={{ code: t.code }}
            search={{ plan }}
            className="tile"
            data-code={t.code}
            aria-label={view?.label ?? t.name[lang]}
            style={{ gridColumn: t.col + 1, gridRow: t.row + 1, background: view?.fill }}
          >
            <span className="tile-name" aria-hidden>
              <span className="tile-name-full">{t.name[lang]}</span>
              <span className="tile-name-abbr">{t.abbr}</span>
            </span>
            <span className="tile-value" aria-hidden>
              {view?.glyph && <span className="tile-glyph">{view.glyph}</span>}
              {view?.valueText ?? "—"}
            </span>
          </Link>
        );
      })}
      {islandMarkers.map((m) => {
        const home = provinceTiles.find((t) => t.code === m.attachedTo);
        if (!home) return null;
        // The dashed tie runs from the side (or corner) facing the unit the islands belong to.
        const x1 = home.col < m.col ? 0 : home.col > m.col ? 100 : 50;
        const y1 = home.row < m.row ? 0 : home.row > m.row ? 100 : 50;
        return (
          <div
            key={m.key}
            className="island"
            style={{ gridColumn: m.col + 1, gridRow: m.row + 1 }}
            title={`${m.name[lang]} (${home.name[lang]})`}
          >
            <svg className="island-tie" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden>
              <line x1={x1} y1={y1} x2={30} y2={45} vectorEffect="non-scaling-stroke" />
            </svg>
            <span className="island-dots" aria-hidden>
              ∴
            </span>
            <span className="island-name" aria-hidden>
              {m.short[lang]}
            </span>
            <span className="visually-hidden">
              {m.name[lang]}, {home.name[lang]}
            </span>
          </div>
        );
      })}
    </div>
  );
}
