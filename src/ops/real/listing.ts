import fs from 'node:fs';
import { loadAccountNames } from '../../io/system/account-names.js';
import { openListing } from '../../io/listing/listing.js';
import { scanDirectory } from '../../io/listing/scan.js';
import { pathError, resolveListingTarget } from '../../io/listing/target.js';
import type { ListingDeps } from '../listing.js';

// The listing's real adapters, the same for `spoolrescue ls` and the walk.
export function realListingDeps(): ListingDeps {
  return { resolveTarget: resolveListingTarget, openListing, scanDirectory, pathError, lstat: (p) => fs.lstatSync(p), accountNames: loadAccountNames };
}
