import type { Db } from '../../../platform/db/database.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { createProduct } from './products.service.js';

// The demo workspace's catalogue: what a coach sells (a course once, coaching by the month or the year, a workbook
// as an order bump, templates as the upsell and its lighter downsell), which the demo product funnel sells.

const DEMO_PRODUCTS = [
  {
    name: 'Formation « Lancer son offre en ligne »',
    description: 'Six modules vidéo, les modèles de pages et de séquences, et un an de mises à jour.',
    prices: [{ kind: 'one_time' as const, amount_cents: 19_700, currency: 'EUR' }],
  },
  {
    name: 'Coaching de groupe',
    description: 'Deux séances de groupe par mois, les replays et la communauté privée.',
    prices: [
      { kind: 'recurring' as const, interval: 'month' as const, amount_cents: 4_900, currency: 'EUR', nickname: 'Mensuel', is_default: true },
      { kind: 'recurring' as const, interval: 'year' as const, amount_cents: 49_000, currency: 'EUR', nickname: 'Annuel (2 mois offerts)' },
    ],
  },
  {
    name: 'Pack de 30 modèles de pages et d’e-mails',
    description: 'Les pages de vente, les séquences de lancement et les relances, prêts à personnaliser : l’offre complémentaire après l’achat.',
    prices: [{ kind: 'one_time' as const, amount_cents: 4_700, currency: 'EUR' }],
  },
  {
    name: 'Pack essentiel : 10 modèles',
    description: 'La version allégée du pack, proposée à ceux qui n’ont pas pris le pack complet.',
    prices: [{ kind: 'one_time' as const, amount_cents: 1_900, currency: 'EUR' }],
  },
  {
    name: 'Cahier d’exercices imprimable',
    description: 'Le complément de la formation, proposé en option sur le bon de commande.',
    prices: [{ kind: 'one_time' as const, amount_cents: 2_700, currency: 'EUR' }],
  },
];

export async function seedProductsDemo(db: Db, workspaceId: string): Promise<void> {
  const tenant = new Tenant(db, workspaceId);
  for (const product of DEMO_PRODUCTS) {
    await createProduct(tenant, { ...product, tax_behavior: 'inclusive', tax_rate_bps: 2000 });
  }
}
