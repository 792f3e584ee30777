import { lemma } from "./lemma.ts";

/**
 * Words a reporter and a writer use for the same thing, in general news vocabulary (crime, conflict,
 * disaster, politics, courts, business, health, media). One group a line; a word may sit in several groups
 * ("strike" is an attack and a hit). Multi-word entries ("lay off") are matched as phrases. Nothing here
 * comes from a particular article: these are the ordinary ways news English says the same thing.
 */
const GROUPS = `
kill, killed, dead, die, death, deadly, fatal, fatally, fatality, slay, murder, homicide, perish, lose life, toll, victim
injure, injury, wound, hurt, harm, casualty, hospitalise, hospitalize, hospitalised, hospitalized
arrest, detain, detention, custody, apprehend, round up, take into custody
capture, seize, seizure, grab, abduct, abduction, kidnap, hostage, captive, snatch, hold hostage
charge, indict, indictment, accuse, accusation, allege, allegation, prosecute, prosecution
convict, conviction, guilty, sentence
prison, jail, gaol, imprison, imprisonment, incarcerate, incarceration, behind bars, sentence, serve time
release, free, freed, let go
attack, assault, raid, strike, airstrike, air strike, bombing, bombard, bombardment, shelling, offensive, ambush
hit, strike, struck, land, impact
shoot, shooting, gunfire, gunshot, shot, gunman, shooter, open fire
gun, firearm, weapon, rifle, pistol, handgun, arms
bomb, explosive, explosion, explode, blast, detonate, detonation, h-bomb, weapon
missile, rocket, projectile
nuclear, atomic, nuke, thermonuclear
plane, jet, aircraft, airplane, aeroplane, warplane, airliner
helicopter, chopper
car, vehicle, auto, automobile, van, suv
truck, lorry
boat, ship, vessel, ferry
fire, blaze, flame, burn, arson, inferno
flood, flooding, deluge, inundate
storm, hurricane, typhoon, cyclone, tornado
earthquake, quake, tremor, seismic
police, officer, cop, policeman, policewoman, constable, trooper, law enforcement
soldier, troop, army, military, serviceman, servicemen
militant, fighter, insurgent, rebel, jihadist, extremist, terrorist
leader, chief, head, commander, boss, chairman, chairwoman
spokesman, spokeswoman, spokesperson, representative, publicist, press secretary
staff, staffer, aide, employee, worker, personnel, workforce, crew
lawyer, attorney, counsel, solicitor, barrister, legal team
court, judge, tribunal
lawsuit, sue, suit, litigation, legal action
investigate, investigation, probe, inquiry, enquiry, inquest, examine, look into
say, tell, statement, comment, remark, speak, announce, announcement, declare, respond, response, reply, react, reaction, insist, argue, assert, accuse, contend, explain
deny, denial, reject, dismiss, refute, rebut, dispute, contest, pushback, push back, turn down
confirm, confirmation, verify, verification, corroborate, check
identify, identity, identification, name, unnamed
support, back, backing, endorse, endorsement
oppose, opposition, criticise, criticize, criticism, condemn, denounce, slam
apologise, apologize, apology, sorry, regret
resign, resignation, quit, step down, leave office
dismiss, fire, sack, lay off, layoff, let go, cut job
hire, employ, recruit
election, elect, vote, ballot, poll, primary
candidate, nominee, contender, nomination, nominate, run for
governor, gubernatorial
president, presidential, presidency
congress, congressional
senate, senator
parliament, parliamentary, lawmaker, legislator
mayor, mayoral
government, administration, cabinet, ministry, authorities
america, american, united states, usa, us
britain, british, united kingdom, uk
money, cash, fund, funding, dollar, euro
reward, bounty, prize
price, cost, worth, value, fee
pay, payment
buy, purchase, acquire, acquisition
sell, sale
company, firm, business, corporation
deal, agreement, contract, accord, pact, treaty
plan, intend, intention, aim, proposal, propose, scheme, strategy, offer
begin, start, launch, kick off, commence
end, finish, conclude
release, premiere, debut, come out, open in
movie, film
video, footage, clip, film
recording, record, tape, audio
photo, photograph, picture, image, snapshot
tweet, post, retweet
delete, remove, take down, erase
email, e-mail, message, mail
document, paper, file, memo, memorandum, letter
leak, disclose, disclosure, reveal, revelation, expose, break story, break news, scoop
hack, hacker, breach, cyberattack, infiltrate, intrusion
secret, classified, classify, confidential
true, real, genuine, authentic, authenticity, accurate
false, fake, untrue, hoax, bogus, fabricate, fabricated
rumor, rumour, speculation, gossip
child, kid, minor, juvenile, children
home, house, residence, apartment, dwelling, live, reside, resident
hospital, clinic, medical centre, medical center
doctor, physician, surgeon, medic
disease, illness, virus, infection, infect, sick, sickness, outbreak
test, testing, screen, screening
crowd, audience, attendance, turnout, spectator, attendee
meet, meeting, summit, talks
protest, demonstration, rally, march, demonstrator, protester
school, pupil, student
flee, escape
evacuate, evacuation
missing, disappear, disappearance, unaccounted
rescue, rescuer, save
damage, destroy, destruction, wreck, ruin
ban, prohibit, prohibition, forbid, outlaw
order, directive, decree, instruction, command, edict
law, legislation, bill, statute
warn, warning, caution, alert
threaten, threat
ask, request, urge, call on, call for, want, demand
agree, disagree, consent, accept, agreement
win, victory, winner, sweep, favour, favor, favourite, favorite, frontrunner
lose, defeat, loss, loser
donor, donate, donation, contributor, contribution
mistake, error, mix-up, confusion, misunderstanding, blunder, gaffe, misattribute
correct, correction, retract, retraction, amend, clarify, clarification
wrong, incorrect, inaccurate, mistaken, erroneous
send, deploy, deployment, dispatch
capability, capable, ability, able, capacity
lab, laboratory
big, large, size, magnitude, huge, massive, enormous
concert, gig, show, performance, perform
singer, vocalist
origin, originate, stem from, come from
campaign, camp
spot, sighting, sight, glimpse, observe, observation
increase, rise, raise, grow, growth, climb, jump, surge, soar, hike
decrease, fall, drop, decline, cut, reduce, reduction, plunge, slump
company chief, chief executive, ceo
job, employment, post, position, role
salary, wage, pay, earnings, income
tax, levy, duty
loan, debt, borrow, lend
bank, lender
profit, earnings, income, revenue
loss, deficit, shortfall
price, fare, fee, charge, tariff
school, college, university, campus
teacher, professor, lecturer, instructor
vaccine, vaccination, vaccinate, jab, inoculation
drug, medicine, medication, treatment, therapy
rain, rainfall, downpour, precipitation
snow, snowfall, blizzard
heat, heatwave, temperature
wildfire, bushfire, forest fire
road, street, highway, motorway, route
train, rail, railway, railroad
crash, collision, collide, accident, wreck
driver, motorist
pilot, aviator
airport, airfield, airstrip
border, frontier, boundary
refugee, migrant, asylum seeker, immigrant
ceasefire, truce, armistice
talks, negotiation, negotiate
sanction, penalty, embargo
vote, ballot, referendum, poll
win, victory, triumph, prevail
resident, local, inhabitant, villager, townspeople
witness, bystander, onlooker, eyewitness
suspect, accused, defendant
victim, casualty
body, corpse, remains
search, hunt, manhunt, look for
find, discover, locate, uncover
steal, stole, stolen, theft, thief, rob, robbery, burglary, loot, heist
fraud, scam, con, swindle, embezzle, embezzlement
bribe, bribery, kickback, corruption
think, believe, feel, view, opinion, consider, position, stance
stay, remain
close, shut, closure, shutdown, seal off, lock down, lockdown
expect, expectation, likely, predict, prediction, forecast, anticipate, project, favour, favor, tip
democrat, democratic, dem
republican, gop
withdraw, withdrawal, pull out, drop out, back out, bow out, quit, exit
suggest, hint, imply, insinuate
spread, circulate, go around, make rounds
detect, detection, pick up, register
appoint, name, choose, pick, select, selection, tap
build, construct, construction, make, manufacture, produce, develop
secure, land, clinch, score, obtain, acquire, get hold, receive
report, story, article
man, guy, male, gentleman, fellow
woman, lady, female
family, relative, relatives, kin
father, mother, parent, son, daughter, dad, mom, mum
media, outlet, newspaper, paper, broadcaster, station, network, channel, press, magazine, tabloid, news agency
`;

const PHRASE_SEPARATOR = " ";

/** lemma → concept ids (the lemma of each group's first word), and two-word phrases by their joined lemmas. */
const conceptsByLemma = new Map<string, string[]>();
const phraseConcepts = new Map<string, string[]>();

function lemmaOfEntry(entry: string): string {
  return entry
    .split(/[\s]+/)
    .map((w) => lemma(w))
    .join(PHRASE_SEPARATOR);
}

for (const line of GROUPS.split("\n")) {
  const entries = line
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const head = entries[0];
  if (!head) continue;
  const id = `~${lemmaOfEntry(head).replace(/ /g, "_")}`;
  for (const entry of entries) {
    const key = lemmaOfEntry(entry);
    const table = key.includes(PHRASE_SEPARATOR) ? phraseConcepts : conceptsByLemma;
    const list = table.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    table.set(key, list);
  }
}

/** The meaning classes a word's lemma belongs to (empty for a word in no group). */
export function conceptsOf(wordLemma: string): readonly string[] {
  return conceptsByLemma.get(wordLemma) ?? [];
}

/** The meaning classes of two consecutive lemmas read as one phrase ("lay off", "step down"). */
export function phraseConceptsOf(first: string, second: string): readonly string[] {
  return phraseConcepts.get(`${first}${PHRASE_SEPARATOR}${second}`) ?? [];
}

/** The concept every word of speech and response belongs to: "has X said anything?" asks for X's words. */
export const SPEECH_CONCEPT = `~${lemma("say")}`;
