/** The "offline" strings, registered with this code's chunk rather than every page's first load (i18n/index.ts). */

import en from "../i18n/en/offline.json";
import { addStrings } from "../i18n/index.js";
import vi from "../i18n/vi/offline.json";

addStrings("offline", { vi, en });
