/** The "adminAudit" strings, registered with this page's chunk (i18n/index.ts). */

import en from "../../i18n/en/adminAudit.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/adminAudit.json";

addStrings("adminAudit", { vi, en });
