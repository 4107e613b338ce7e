import { CLUSTER_FEATURES, type ClusterFeature, type FeatureValues } from './features';

/**
 * A cluster is described by its centroid's z-score on each measure (on the log scale for frequency, spend and
 * CLV, the scale the clustering used), against all customers: |z| ≥ 0.5 is a trait (high or low, e.g.
 * "recent", "low spend"), |z| ≥ 1.5 a strong one ("very recent", "very high spend"); below 0.5 it is typical
 * and left unsaid. Days since the last purchase read the other way round: a low z is "recent".
 */
export const TRAIT_Z_THRESHOLD = 0.5;
export const STRONG_TRAIT_Z_THRESHOLD = 1.5;

export type ClusterProfile = {
  /** Mean z-score of the members on each measure. */
  zCentroid: FeatureValues;
  /** Median of the members in original units; a median of at most one purchase day makes low frequency "one-time". */
  medians: FeatureValues;
};

type TraitLevel = -2 | -1 | 1 | 2;
type Trait = { feature: ClusterFeature; level: TraitLevel; strength: number; oneTime: boolean };

const DESCRIPTION_WORDS: Record<ClusterFeature, Record<TraitLevel, string>> = {
  recencyDays: { [-2]: 'very recent', [-1]: 'recent', 1: 'lapsed', 2: 'long lapsed' },
  frequency: { [-2]: 'very infrequent', [-1]: 'infrequent', 1: 'frequent', 2: 'very frequent' },
  monetary: { [-2]: 'very low spend', [-1]: 'low spend', 1: 'high spend', 2: 'very high spend' },
  predictedClv: { [-2]: 'very low predicted value', [-1]: 'low predicted value', 1: 'high predicted value', 2: 'very high predicted value' },
};

// Name words: recency, frequency and CLV as adjectives, spend as the noun ("Recent High Spenders").
const NAME_WORDS: Record<ClusterFeature, Record<TraitLevel, string>> = {
  recencyDays: { [-2]: 'Very Recent', [-1]: 'Recent', 1: 'Lapsed', 2: 'Long-Lapsed' },
  frequency: { [-2]: 'Rare', [-1]: 'Occasional', 1: 'Frequent', 2: 'Very Frequent' },
  predictedClv: { [-2]: 'Lowest-Value', [-1]: 'Low-Value', 1: 'High-Value', 2: 'Top-Value' },
  monetary: { [-2]: 'Minimal Spenders', [-1]: 'Low Spenders', 1: 'High Spenders', 2: 'Top Spenders' },
};

/** How many traits a name starts with; more are added only to tell two clusters apart. */
const NAME_TRAITS = 2;

function traitLevel(z: number): TraitLevel | 0 {
  const size = Math.abs(z) >= STRONG_TRAIT_Z_THRESHOLD ? 2 : Math.abs(z) >= TRAIT_Z_THRESHOLD ? 1 : 0;
  return (Math.sign(z) * size) as TraitLevel | 0;
}

/** The measures on which the cluster stands out, in R, F, M, CLV order. */
function clusterTraits(profile: ClusterProfile): Trait[] {
  return CLUSTER_FEATURES.flatMap((feature) => {
    const z = profile.zCentroid[feature];
    const level = traitLevel(z);
    if (level === 0) return [];
    const oneTime = feature === 'frequency' && level < 0 && profile.medians.frequency <= 1;
    return [{ feature, level, strength: Math.abs(z), oneTime }];
  });
}

/** E.g. "recent, frequent, high spend" or "lapsed, one-time, low spend"; measures are listed R, F, M, CLV. */
export function describeCluster(profile: ClusterProfile): string {
  const words = clusterTraits(profile).map((trait) => (trait.oneTime ? 'one-time' : DESCRIPTION_WORDS[trait.feature][trait.level]));
  return words.length > 0 ? words.join(', ') : 'close to average on every measure';
}

function nameFromTraits(traits: readonly Trait[]): string {
  if (traits.length === 0) return 'Typical Customers';
  const chosen = new Map(traits.map((trait) => [trait.feature, trait]));
  const word = (feature: ClusterFeature) => {
    const trait = chosen.get(feature);
    if (!trait) return [];
    return [trait.oneTime ? 'One-Time' : NAME_WORDS[feature][trait.level]];
  };
  const noun = chosen.has('monetary') ? word('monetary') : ['Customers'];
  return [...word('recencyDays'), ...word('frequency'), ...word('predictedClv'), ...noun].join(' ');
}

/**
 * A short Title Case name per cluster from its strongest behaviour trait (recency or frequency) and its
 * strongest value trait (spend or CLV), e.g. "Recent High Spenders"; spend and CLV move together, so naming
 * both ("Low-Value Low Spenders") says little. Clusters whose names collide take further traits, strongest
 * first; if they still collide, later ones are numbered ("… 2").
 */
export function nameClusters(profiles: readonly ClusterProfile[]): string[] {
  const traitsByStrength = profiles.map((profile) => {
    // Stable sort: equal strengths keep R, F, M, CLV order.
    const traits = clusterTraits(profile).sort((a, b) => b.strength - a.strength);
    const behaviour = traits.find((trait) => trait.feature === 'recencyDays' || trait.feature === 'frequency');
    const value = traits.find((trait) => trait.feature === 'monetary' || trait.feature === 'predictedClv');
    const leading = [behaviour, value].filter((trait) => trait !== undefined);
    return [...leading, ...traits.filter((trait) => !leading.includes(trait))];
  });
  const traitCounts = traitsByStrength.map((traits) => Math.min(NAME_TRAITS, traits.length));
  const namesNow = () => traitsByStrength.map((traits, i) => nameFromTraits(traits.slice(0, traitCounts[i])));
  for (;;) {
    const names = namesNow();
    let lengthened = false;
    names.forEach((name, i) => {
      const collides = names.some((other, j) => j !== i && other === name);
      if (collides && traitCounts[i] < traitsByStrength[i].length) {
        traitCounts[i]++;
        lengthened = true;
      }
    });
    if (!lengthened) break;
  }
  const seen = new Map<string, number>();
  return namesNow().map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  });
}
