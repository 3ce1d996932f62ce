import type { TAdNetwork } from '../../../contracts/ads.js';
import type { TConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import type { AdConnector } from './ad-connector.js';
import { adNetworkSetup, type TAdConnectorConfig } from './connector-config.js';
import { GoogleAdsConnector } from './google-connector.js';
import { LinkedInAdsConnector } from './linkedin-connector.js';
import { MetaAdsConnector } from './meta-connector.js';

/** Which network each connector class speaks to; one line per network. */
const CONNECTORS: { [N in TAdNetwork]: (config: TAdConnectorConfig[N], fetchImpl: typeof fetch) => AdConnector } = {
  meta: (config, fetchImpl) => new MetaAdsConnector(config, fetchImpl),
  google: (config, fetchImpl) => new GoogleAdsConnector(config, fetchImpl),
  linkedin: (config, fetchImpl) => new LinkedInAdsConnector(config, fetchImpl),
};

/**
 * The network's connector built from the install's configuration; 409 `ad_network_not_configured` (with the variables
 * to set) when its app credentials are missing.
 */
export function connectorFor(network: TAdNetwork, config: TConfig, fetchImpl: typeof fetch = fetch): AdConnector {
  const setup = adNetworkSetup(config, network);
  if (!setup.configured) {
    throw new AppError('conflict', `The ${network} connector is not configured on this installation (set ${setup.missing.join(', ')})`, {
      reason: 'ad_network_not_configured',
      params: { network, missing: setup.missing },
    });
  }
  // The mapped type ties each network to its own config; indexing by a union loses that link, hence the cast.
  const build = CONNECTORS[network] as (config: TAdConnectorConfig[TAdNetwork], fetchImpl: typeof fetch) => AdConnector;
  return build(setup.config, fetchImpl);
}
