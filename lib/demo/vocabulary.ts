export const firstNames = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Leon',
  'Hannah', 'Lea', 'Finn', 'Chloé', 'Hugo', 'Lucía', 'Pablo', 'Sanne', 'Daan', 'Aisha', 'Omar', 'Yuki',
  'Priya', 'Arjun', 'Grace', 'Jack', 'Isla', 'Oscar', 'Zoe', 'Ethan', 'Nora', 'Felix', 'Maya', 'Theo',
] as const;

export const lastNames = [
  'Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Müller', 'Schmidt', 'Schneider', 'Martin',
  'Bernard', 'Dubois', 'López', 'Martínez', 'de Vries', 'Jansen', 'Wilson', 'Taylor', 'Anderson', 'Thomas',
  'Khan', 'Patel', 'Nguyen', 'Kim', 'Tanaka', 'Rossi', 'Silva', 'Murphy', "O'Brien", 'Walker',
] as const;

export const countries = [
  ['US', 40, ['California', 'Texas', 'New York', 'Florida', 'Illinois', 'Washington']],
  ['GB', 14, ['England', 'Scotland', 'Wales', 'Northern Ireland']],
  ['DE', 12, ['Bavaria', 'Berlin', 'Hamburg', 'North Rhine-Westphalia', 'Hesse']],
  ['FR', 8, ['Île-de-France', 'Auvergne-Rhône-Alpes', 'Occitanie', 'Brittany']],
  ['CA', 8, ['Ontario', 'Quebec', 'British Columbia', 'Alberta']],
  ['AU', 6, ['New South Wales', 'Victoria', 'Queensland']],
  ['NL', 6, ['North Holland', 'South Holland', 'Utrecht']],
  ['ES', 6, ['Madrid', 'Catalonia', 'Andalusia', 'Valencia']],
] as const;

export const genders = [['female', 48], ['male', 47], ['non-binary', 2], [null, 3]] as const;

export const incomeBands = [
  ['<25k', 0.7, 12], ['25-50k', 0.85, 24], ['50-75k', 1, 24], ['75-100k', 1.15, 18], ['100-150k', 1.35, 14], ['150k+', 1.7, 8],
] as const;

export const educationLevels = [
  ['High school', 28], ['Some college', 22], ["Bachelor's", 32], ["Master's", 14], ['Doctorate', 4],
] as const;

export const acquisitionChannels = [
  ['Organic search', 30], ['Paid search', 20], ['Social', 18], ['Email', 8], ['Referral', 12], ['Direct', 12],
] as const;

/** Product categories with their typical cost of goods as a share of revenue. */
export const categories = [
  ['Apparel', 0.45, 30], ['Electronics', 0.74, 14], ['Home', 0.55, 20], ['Beauty', 0.35, 16], ['Sports', 0.5, 12], ['Books', 0.6, 8],
] as const;

export const orderChannels = [['web', 55], ['mobile', 35], ['store', 10]] as const;
