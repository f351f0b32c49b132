/**
 * The tile map's committed layout: one square tile for each of the 34 province-level units in
 * force since 1 July 2025 (Resolution 202/2025/QH15), placed on a grid by geography — north at the
 * top, Viet Nam's S shape, neighbours side by side as far as a grid allows. Codes are the org-unit
 * codes of src/db/seeds/org-units.yaml; test/web/tile-map.test.ts checks that the 34 current codes
 * appear exactly once and that no two tiles share a cell.
 *
 * The grid is 6 columns by 16 rows. The north (rows 0–3) is wide, the centre narrows to one tile
 * stepping south-east along the coast (rows 4–11), the south widens again and the Mekong delta
 * turns south-west (rows 12–15).
 */

export interface ProvinceTile {
  /** Org-unit code (src/db/seeds/org-units.yaml, kind: province). */
  code: string;
  col: number;
  row: number;
  /** The seed's short name, shown on the tile. */
  name: { vi: string; en: string };
  /** A shorter label for narrow screens. */
  abbr: string;
}

export const GRID_COLUMNS = 6;
export const GRID_ROWS = 16;

export const provinceTiles: readonly ProvinceTile[] = [
  // Northern midlands and mountains, Red River delta
  { code: "LAI-CHAU", col: 2, row: 0, name: { vi: "Lai Châu", en: "Lai Chau" }, abbr: "LC" },
  { code: "LAO-CAI", col: 3, row: 0, name: { vi: "Lào Cai", en: "Lao Cai" }, abbr: "LCa" },
  { code: "TUYEN-QUANG", col: 4, row: 0, name: { vi: "Tuyên Quang", en: "Tuyen Quang" }, abbr: "TQ" },
  { code: "CAO-BANG", col: 5, row: 0, name: { vi: "Cao Bằng", en: "Cao Bang" }, abbr: "CB" },
  { code: "DIEN-BIEN", col: 1, row: 1, name: { vi: "Điện Biên", en: "Dien Bien" }, abbr: "ĐB" },
  { code: "SON-LA", col: 2, row: 1, name: { vi: "Sơn La", en: "Son La" }, abbr: "SL" },
  { code: "PHU-THO", col: 3, row: 1, name: { vi: "Phú Thọ", en: "Phu Tho" }, abbr: "PT" },
  { code: "THAI-NGUYEN", col: 4, row: 1, name: { vi: "Thái Nguyên", en: "Thai Nguyen" }, abbr: "TN" },
  { code: "LANG-SON", col: 5, row: 1, name: { vi: "Lạng Sơn", en: "Lang Son" }, abbr: "LS" },
  { code: "HA-NOI", col: 3, row: 2, name: { vi: "Hà Nội", en: "Ha Noi" }, abbr: "HN" },
  { code: "BAC-NINH", col: 4, row: 2, name: { vi: "Bắc Ninh", en: "Bac Ninh" }, abbr: "BN" },
  { code: "QUANG-NINH", col: 5, row: 2, name: { vi: "Quảng Ninh", en: "Quang Ninh" }, abbr: "QN" },
  { code: "THANH-HOA", col: 2, row: 3, name: { vi: "Thanh Hóa", en: "Thanh Hoa" }, abbr: "TH" },
  { code: "NINH-BINH", col: 3, row: 3, name: { vi: "Ninh Bình", en: "Ninh Binh" }, abbr: "NB" },
  { code: "HUNG-YEN", col: 4, row: 3, name: { vi: "Hưng Yên", en: "Hung Yen" }, abbr: "HY" },
  { code: "HAI-PHONG", col: 5, row: 3, name: { vi: "Hải Phòng", en: "Hai Phong" }, abbr: "HP" },
  // North central and central coast: one tile wide, stepping south-east
  { code: "NGHE-AN", col: 2, row: 4, name: { vi: "Nghệ An", en: "Nghe An" }, abbr: "NA" },
  { code: "HA-TINH", col: 3, row: 5, name: { vi: "Hà Tĩnh", en: "Ha Tinh" }, abbr: "HT" },
  { code: "QUANG-TRI", col: 3, row: 6, name: { vi: "Quảng Trị", en: "Quang Tri" }, abbr: "QT" },
  { code: "HUE", col: 4, row: 7, name: { vi: "Huế", en: "Hue" }, abbr: "Huế" },
  { code: "DA-NANG", col: 4, row: 8, name: { vi: "Đà Nẵng", en: "Da Nang" }, abbr: "ĐN" },
  { code: "QUANG-NGAI", col: 4, row: 9, name: { vi: "Quảng Ngãi", en: "Quang Ngai" }, abbr: "QNg" },
  // Central highlands joined to the coast since 2025: each unit spans highlands and sea
  { code: "GIA-LAI", col: 4, row: 10, name: { vi: "Gia Lai", en: "Gia Lai" }, abbr: "GL" },
  { code: "DAK-LAK", col: 4, row: 11, name: { vi: "Đắk Lắk", en: "Dak Lak" }, abbr: "ĐL" },
  { code: "LAM-DONG", col: 3, row: 12, name: { vi: "Lâm Đồng", en: "Lam Dong" }, abbr: "LĐ" },
  { code: "KHANH-HOA", col: 4, row: 12, name: { vi: "Khánh Hòa", en: "Khanh Hoa" }, abbr: "KH" },
  // South-east
  { code: "DONG-NAI", col: 2, row: 12, name: { vi: "Đồng Nai", en: "Dong Nai" }, abbr: "ĐNa" },
  { code: "TAY-NINH", col: 1, row: 13, name: { vi: "Tây Ninh", en: "Tay Ninh" }, abbr: "TNi" },
  { code: "HO-CHI-MINH", col: 2, row: 13, name: { vi: "TP. Hồ Chí Minh", en: "HCMC" }, abbr: "HCM" },
  // Mekong delta, turning south-west
  { code: "AN-GIANG", col: 0, row: 14, name: { vi: "An Giang", en: "An Giang" }, abbr: "AG" },
  { code: "DONG-THAP", col: 1, row: 14, name: { vi: "Đồng Tháp", en: "Dong Thap" }, abbr: "ĐT" },
  { code: "VINH-LONG", col: 2, row: 14, name: { vi: "Vĩnh Long", en: "Vinh Long" }, abbr: "VL" },
  { code: "CA-MAU", col: 0, row: 15, name: { vi: "Cà Mau", en: "Ca Mau" }, abbr: "CM" },
  { code: "CAN-THO", col: 1, row: 15, name: { vi: "Cần Thơ", en: "Can Tho" }, abbr: "CT" },
];

export interface IslandMarker {
  key: "hoang-sa" | "truong-sa";
  /** The unit the archipelago belongs to; the marker is drawn joined to its tile. */
  attachedTo: string;
  /** Where the marker sits on the grid (fractions allowed: it is smaller than a tile). */
  col: number;
  row: number;
  name: { vi: string; en: string };
  /** The label drawn on the map. */
  short: { vi: string; en: string };
}

/** Hoàng Sa belongs to Đà Nẵng, Trường Sa to Khánh Hòa: not provinces, shown with their units. */
export const islandMarkers: readonly IslandMarker[] = [
  {
    key: "hoang-sa",
    attachedTo: "DA-NANG",
    col: 5,
    row: 8,
    name: { vi: "Quần đảo Hoàng Sa", en: "Hoang Sa (Paracel) Islands" },
    short: { vi: "Hoàng Sa", en: "Hoang Sa" },
  },
  {
    key: "truong-sa",
    attachedTo: "KHANH-HOA",
    col: 5,
    row: 13,
    name: { vi: "Quần đảo Trường Sa", en: "Truong Sa (Spratly) Islands" },
    short: { vi: "Trường Sa", en: "Truong Sa" },
  },
];
