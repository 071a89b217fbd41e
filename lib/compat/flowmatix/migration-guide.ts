import { jsonFaceMigrationGuide, type JsonGuide } from '../json-face/migration-guide';
import { flowmatixGroups, type FlowmatixGroup } from './endpoint';
import { flowmatixEndpoints } from './endpoints';
import { flowmatixPrefix } from './paths';

/** One row of the Flowmatix migration guide per endpoint, straight from the mapping table the routes use. */

export const flowmatixMigrationGuide = (): JsonGuide<FlowmatixGroup> => jsonFaceMigrationGuide(flowmatixEndpoints, flowmatixGroups, flowmatixPrefix);
