"""Score an `actorgraph extract` output on this probe: python score.py OUT.jsonl [v] (see ../README.md).
ALIAS maps, per article, a person's name or a variant to the actor it counts as."""
import json,os,csv,sys
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
def norm(a,x): return ALIAS.get(a,{}).get(x,x)
def gold(f):
    G={}
    for r in csv.DictReader(open(f),delimiter='\t',quoting=csv.QUOTE_NONE):
        a=r['article']; k=(a,norm(a,r['source']),norm(a,r['target']))
        G.setdefault(k,set()).add(r['sign'])
    return G
HERE=os.path.dirname(os.path.abspath(__file__))
G=gold(os.path.join(HERE,'gold.tsv')); O=gold(os.path.join(HERE,'gold_optional.tsv'))
def run(f,verbose):
    out={}
    for l in open(f):
        d=json.loads(l); a=os.path.basename(d['path'])[:-4]
        k=(a,norm(a,d['source']),norm(a,d['target'])); s='+' if d['sign']>0 else '-'
        out.setdefault(k,[]).append((s,d['source_mention'],d['target_mention'],d['cue'],d['rule']))
    right=wrong=miss=0; misses=[]
    for k,signs in G.items():
        sg=list(signs)[0]
        got={x[0] for x in out.get(k,[])}
        if sg in got: right+=1
        elif got: wrong+=1; misses.append(('WRONGSIGN',k,sg,out[k]))
        else: miss+=1; misses.append(('MISS',k,sg))
    extras=[]
    for k,v in out.items():
        for x in v:
            if k in G and x[0] in G[k]: continue
            if k in O and x[0] in O[k]: continue
            if k in G: continue  # wrong sign counted above
            extras.append((k,x))
    if verbose:
        for m in misses: print(*m)
        print('--- extras (not in gold/optional):')
        for e in extras: print(e)
    print(f, 'gold',len(G),'right',right,'wrongsign',wrong,'missed',miss,'extras-not-in-gold-or-optional',len(extras))
run(sys.argv[1], len(sys.argv)>2)
