/** The "adminOrgUnits" strings, registered with this page's chunk (i18n/index.ts). */

import en from "../../i18n/en/adminOrgUnits.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/adminOrgUnits.json";

addStrings("adminOrgUnits", { vi, en });
