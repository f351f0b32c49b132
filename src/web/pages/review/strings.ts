/** The "review" strings, registered with this page's chunk rather than every page's first load (i18n/index.ts). */

import en from "../../i18n/en/review.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/review.json";

addStrings("review", { vi, en });
