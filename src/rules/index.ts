// The registry of rules, in the order their findings are most useful to read.
import bouwbladFiles from './bouwblad-files.js';
import bouwbladPeriod from './bouwblad-period.js';
import bouwstenenPresent from './bouwstenen-present.js';
import configMunicipality from './config-municipality.js';
import configPeriods from './config-periods.js';
import cycleContinuity from './cycle-continuity.js';
import finalCycle from './final-cycle.js';
import formatWording from './format-wording.js';
import levelAspect from './level-aspect.js';
import links from './links.js';
import mandatoryBouwblad from './mandatory-bouwblad.js';
import mandatoryQuestion from './mandatory-question.js';
import rawHtml from './raw-html.js';
import type { Rule } from './rule.js';
import smartGoals from './smart-goals.js';
import smartQuotes from './smart-quotes.js';
import stepsFilled from './steps-filled.js';
import stepsStructure from './steps-structure.js';
import strayFiles from './stray-files.js';
import textInComment from './text-in-comment.js';
import unknownKeys from './unknown-keys.js';

export const rules: Rule[] = [
  configPeriods,
  configMunicipality,
  unknownKeys,
  smartQuotes,
  levelAspect,
  bouwbladPeriod,
  links,
  bouwstenenPresent,
  bouwbladFiles,
  mandatoryBouwblad,
  mandatoryQuestion,
  stepsStructure,
  stepsFilled,
  textInComment,
  finalCycle,
  formatWording,
  cycleContinuity,
  smartGoals,
  rawHtml,
  strayFiles,
];

/** Findings the loader makes itself, before any rule runs. */
export const loaderRules: Pick<Rule, 'id' | 'severity' | 'description'>[] = [
  { id: 'file-unreadable', severity: 'error', description: 'Het bestand kan worden gelezen.' },
  { id: 'file-encoding', severity: 'error', description: 'Het bestand is tekst, opgeslagen als UTF-8.' },
  { id: 'file-empty', severity: 'error', description: 'Het bestand is niet leeg.' },
  { id: 'file-too-large', severity: 'error', description: 'Het bestand is kleiner dan 256 kB.' },
  { id: 'file-too-complex', severity: 'error', description: 'Het bestand heeft geen citaten of lijsten die meer dan 32 keer in elkaar staan, en geen alinea met meer dan 1500 opmaaktekens: dan zou het lezen te veel tijd kosten.' },
  { id: 'file-symlink', severity: 'warning', description: 'De map bevat geen snelkoppelingen (symbolische links); die worden niet gevolgd.' },
  { id: 'yaml-syntax', severity: 'error', description: 'kwaliteit.yaml en de kop van elk bestand zijn geldige YAML (geen tabs, gesloten ---, geen dubbele namen, geen JavaScript).' },
  { id: 'config-schema', severity: 'error', description: 'kwaliteit.yaml heeft alle verplichte gegevens, in de goede vorm (zoals datums als 2025-09-01).' },
  { id: 'front-matter-schema', severity: 'error', description: 'De kop van een bouwblad heeft level, aspect, period, mandatory (true/false) en question, in de goede vorm. Ontbreekt er een, dan zegt de melding waar hij hoort; staat hij onder de regel --- die de kop afsluit, dan wijst de melding die regel aan.' },
];
