/** The "adminPlanFile" strings, registered with this page's chunk (i18n/index.ts). */

import en from "../../i18n/en/adminPlanFile.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/adminPlanFile.json";

addStrings("adminPlanFile", { vi, en });
