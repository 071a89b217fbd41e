import { jsonFaceMigrationGuide, type JsonGuide } from '../json-face/migration-guide';
import { uchatGroups, type UChatGroup } from './endpoint';
import { uchatEndpoints } from './endpoints';
import { uchatPrefix } from './paths';

/** One row of the UChat migration guide per endpoint, straight from the mapping table the routes use. */

export const uchatMigrationGuide = (): JsonGuide<UChatGroup> => jsonFaceMigrationGuide(uchatEndpoints, uchatGroups, uchatPrefix);
