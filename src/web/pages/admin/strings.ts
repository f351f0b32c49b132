/** The "admin" strings (the frame and the index), registered with the administration chunks (i18n/index.ts). */

import en from "../../i18n/en/admin.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/admin.json";

addStrings("admin", { vi, en });
