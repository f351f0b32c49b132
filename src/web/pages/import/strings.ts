/** The "import" strings, registered with this page's chunk rather than every page's first load (i18n/index.ts). */

import en from "../../i18n/en/import.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/import.json";

addStrings("import", { vi, en });
