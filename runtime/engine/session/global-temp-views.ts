/**
 * Global temporary views: one `global_temp` database shared by every session of this engine process (Spark
 * shares it across the sessions of one application), gone when the process ends.
 */
import { ViewCatalog } from "./view-catalog.js";

export const GLOBAL_TEMP_DATABASE = "global_temp";

export const globalTempViews = new ViewCatalog();
