"""Score an `actorgraph extract` output on this probe: python score.py OUT.jsonl [v] (see ../README.md).
ALIAS maps, per article, a person's name or a variant to the actor it counts as."""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_score import main  # noqa: E402

# Per-article alias table: variant the extractor may output -> canonical gold name.
PARTY={'Republicans':'Republican Party','Republican':'Republican Party','GOP':'Republican Party',
       'House Republicans':'Republican Party','Senate Republicans':'Republican Party','Republican party':'Republican Party',
       'Democrats':'Democratic Party','Democrat':'Democratic Party','Democratic':'Democratic Party',
       'House Democrats':'Democratic Party','Senate Democrats':'Democratic Party','Democratic party':'Democratic Party',
       'Democratic leaders':'Democratic Party','House Democratic leaders':'Democratic Party',
       'White House press secretary Dana Kealoha':'White House','Dana Kealoha':'White House','Kealoha':'White House',
       'Whitford administration':'White House','administration':'White House','the administration':'White House',
       'U.S. Chamber of Commerce':'Chamber of Commerce','United States Chamber of Commerce':'Chamber of Commerce',
       # added after first run: extractor canonicalises the mention 'White House' to 'United States' (all 4 cases checked)
       'United States':'White House','US Chamber of Commerce':'Chamber of Commerce',
       'National Rifle Association':'NRA','Federal Bureau of Investigation':'FBI','bureau':'FBI',
       'American Civil Liberties Union':'ACLU','Department of Justice':'Justice Department','DOJ':'Justice Department',
       'Heritage Action':'Heritage Action for America','Everytown':'Everytown for Gun Safety',
       'International Brotherhood of Teamsters':'Teamsters','United Auto Workers':'UAW',
       "Laborers' International Union of North America":'LIUNA','Laborers International Union of North America':'LIUNA',
       'Ray Dombrowski':'LIUNA','Dombrowski':'LIUNA',
       'National Republican Senatorial Committee':'NRSC','National Republican Congressional Committee':'NRCC',
       'Jake Ormsby':'NRCC','Ormsby':'NRCC','RNC':'Republican National Committee',
       'Democratic National Committee':'DNC','Planned Parenthood':'Planned Parenthood Action Fund',
       'ABA':'American Bar Association','Standing Rock Sioux':'Standing Rock Sioux Tribe',
       'API':'American Petroleum Institute','Ethics Committee':'House Ethics Committee',
}
PEOPLE={
 'budget_fight':['Tom Reddick','Grace Okafor','Alan Whitford','Dale Fenwick','Angela Pruitt','Marcia Delgado'],
 'gun_bill':['Marcia Delgado','Curtis Vance','Harlan Pike','Joel Brandt','Alan Whitford','Roy Castellano'],
 'court_nominee':['Renata Solis','Alan Whitford','Beverly Tannen','Paul Eckhart','Owen McCray','Nora Whitaker','Grace Okafor'],
 'senate_primary':['Richard Gaines','Kyle Voss','Sandra Lowell','Walt Dempsey','Yolanda Marsh','Ruben Estrada'],
 'fbi_subpoena':['Brent Kowalski','Simone Achterberg','Tamika Reese','Daniel Ferro','Tom Reddick'],
 'impeachment_vote':['Julia Marchetti','Gene Talbot','Steve Orland','Alan Whitford','Denise Albright','Marcus Webb','Grace Okafor'],
 'veto_override':['Alan Whitford','Travis Bellamy','Teresa Quinlan','Ethan Moravec','Grace Okafor','Tom Reddick'],
 'union_endorsement':['Derek Salazar','Janet Morrow','Tom Brannigan','Keith Alvarado','Gloria Pinkston','Alan Whitford','Alma Greer','Lorraine Fitch','Brad Hollis'],
 'attack_ads':['Kathleen Murtaugh','David Kessler','Walter Haines'],
 'resign_call':['Bradley Farrow','Lena Soto','Yvonne Carrick','Samuel Okoye','Rosa Villanueva'],
}
TITLES=['','Sen. ','Rep. ','Mr. ','Ms. ','President ','Speaker ','House Speaker ','Gov. ','Judge ','Director ','Secretary ','Senator ','Leader ']
EXTRA={
 'impeachment_vote':{'Homeland Security Secretary Julia Marchetti':'Julia Marchetti'},
 'attack_ads':{'Walt Haines':'Walter Haines'},
 'resign_call':{'Brad Farrow':'Bradley Farrow','Sam Okoye':'Samuel Okoye'},
 'gun_bill':{'gun lobby':'NRA'},
}
ALIAS={}
for a,ppl in PEOPLE.items():
    d=dict(PARTY)
    for p in ppl:
        sur=p.split()[-1]
        for t in TITLES:
            d[t+sur]=p; d[t+p]=p
    d.update(EXTRA.get(a,{}))
    ALIAS[a]=d

if __name__ == "__main__":
    main(ALIAS, os.path.dirname(os.path.abspath(__file__)), quoting=csv.QUOTE_NONE)
