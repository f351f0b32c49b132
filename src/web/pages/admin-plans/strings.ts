/** The "adminPlans" strings, registered with this area's chunks (i18n/index.ts). */

import en from "../../i18n/en/adminPlans.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/adminPlans.json";

addStrings("adminPlans", { vi, en });
