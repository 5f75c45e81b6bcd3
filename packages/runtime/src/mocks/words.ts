/** Small word lists for realistic fixtures (made-up people and companies; example.com domains). */

export const FIRST_NAMES = [
  "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Tim",
  "Hedy", "Guido", "Radia", "Yukihiro", "Katherine", "Brendan", "Annie", "Anders", "Sophie", "Mateo",
  "Amara", "Noah", "Leila", "Hiro", "Elena", "Omar", "Priya", "Lucas", "Zoe", "Ines",
];

export const LAST_NAMES = [
  "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Berners-Lee",
  "Lamarr", "van Rossum", "Perlman", "Matsumoto", "Johnson", "Eich", "Easley", "Hejlsberg", "Wilson", "Garcia",
  "Okafor", "Martin", "Haddad", "Tanaka", "Rossi", "Farouk", "Patel", "Silva", "Dubois", "Moreau",
];

export const CITIES = ["Lisbon", "Berlin", "Toronto", "Melbourne", "Osaka", "Nairobi", "Austin", "Lyon", "Bergen", "Montevideo", "Seoul", "Dublin"];

export const STREETS = ["Maple Avenue", "Harbor Road", "Elm Street", "Station Lane", "Park Boulevard", "Mill Road", "Cedar Court", "Rue des Lilas", "King Street", "Canal Walk"];

export const COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Labs", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries", "Soylent Co", "Wonka Industries", "Tyrell Systems", "Cyberdyne"];

export const PRODUCTS = ["Ergonomic Chair", "Wireless Keyboard", "Noise-Cancelling Headphones", "Standing Desk", "USB-C Hub", "Mechanical Pencil", "Travel Mug", "Desk Lamp", "Notebook", "Water Bottle"];

export const WORDS = [
  "account", "order", "project", "invoice", "payment", "report", "update", "team", "summary", "request",
  "delivery", "review", "release", "schedule", "customer", "product", "service", "quarterly", "weekly", "draft",
  "priority", "shipment", "contract", "profile", "session", "record", "ticket", "meeting", "archive", "budget",
];

export const SENTENCES = [
  "Quarterly report prepared for the finance team.",
  "Customer asked for an updated delivery date.",
  "Includes the latest changes from the design review.",
  "Scheduled maintenance for the main database cluster.",
  "Follow-up on the onboarding session from last week.",
  "Replacement parts shipped with express delivery.",
  "Draft proposal for the new partnership program.",
  "Weekly summary of open support requests.",
];

export const COUNTRIES = ["US", "FR", "DE", "GB", "JP", "CA", "BR", "IN", "AU", "ES", "NL", "KE"];
export const COUNTRY_NAMES = ["United States", "France", "Germany", "United Kingdom", "Japan", "Canada", "Brazil", "India", "Australia", "Spain", "Netherlands", "Kenya"];
export const COUNTRIES3 = ["USA", "FRA", "DEU", "GBR", "JPN", "CAN", "BRA", "IND", "AUS", "ESP", "NLD", "KEN"];
export const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CAD", "CHF", "AUD", "BRL"];
export const LOCALES = ["en-US", "fr-FR", "de-DE", "en-GB", "ja-JP", "es-ES", "pt-BR"];
export const TIMEZONES = ["Europe/Lisbon", "America/New_York", "Asia/Tokyo", "Europe/Berlin", "America/Toronto", "Australia/Sydney"];
export const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
export const STATUSES = ["active", "pending", "completed", "archived"];
export const MIME_TYPES = ["application/json", "image/png", "application/pdf", "text/plain", "text/csv"];
export const FILE_NAMES = ["report.pdf", "invoice-2024-03.pdf", "avatar.png", "export.csv", "notes.txt"];
export const TAGS = ["featured", "new", "sale", "internal", "beta", "priority"];
