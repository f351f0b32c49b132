/** The "adminUsers" strings, registered with this area's chunks (i18n/index.ts). */

import en from "../../i18n/en/adminUsers.json";
import { addStrings } from "../../i18n/index.js";
import vi from "../../i18n/vi/adminUsers.json";

addStrings("adminUsers", { vi, en });
