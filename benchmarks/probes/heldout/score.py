"""Score an `actorgraph extract` output on this probe: python score.py OUT.jsonl [v] (see ../README.md).
ALIAS maps, per article, a person's name or a variant to the actor it counts as."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_score import main  # noqa: E402

ALIAS={
 'korea1953':{'Harlan Whitcomb':'United Nations Command','Whitcomb':'United Nations Command','UN Command':'United Nations Command','United Nations':'United Nations Command',
   'Paek Yong-su':'South Korea','Paek':'South Korea','Seoul':'South Korea','Republic of Korea':'South Korea',
   'Choe Myong-sik':'North Korea','Choe':'North Korea',"Democratic People's Republic of Korea":'North Korea',
   'Peking':'China',"People's Republic of China":'China','Peking radio':'China','Ravi Sundaram':'India','New Delhi':'India','Indian government':'India',
   'Washington':'United States','Americans':'United States','USA':'United States','Moscow':'Soviet Union','USSR':'Soviet Union',
   'London':'United Kingdom','Britain':'United Kingdom','Great Britain':'United Kingdom','UK':'United Kingdom','Foreign Office':'United Kingdom'},
 'nicaragua1986':{'Sandinistas':'Nicaragua','Sandinista government':'Nicaragua','Sandinista National Liberation Front':'Nicaragua','FSLN':'Nicaragua','Managua':'Nicaragua','Rafael Otero':'Nicaragua','Otero':'Nicaragua',
   'Hector Villeda':'Honduras','Villeda':'Honduras','Tegucigalpa':'Honduras',
   'Contras':'Nicaraguan Democratic Force','contras':'Nicaraguan Democratic Force','FDN':'Nicaraguan Democratic Force','Ernesto Lacayo':'Nicaraguan Democratic Force','Lacayo':'Nicaraguan Democratic Force',
   'Washington':'United States','USA':'United States','Moscow':'Soviet Union','USSR':'Soviet Union','Manuel Quesada':'Costa Rica','Democrats':'Democratic Party'},
 'chechnya1995':{'Chechnya':'Chechen separatists','Chechen Republic of Ichkeria':'Chechen separatists','Ichkeria':'Chechen separatists','Ruslan Dudurkaev':'Chechen separatists','Dudurkaev':'Chechen separatists','Chechen rebels':'Chechen separatists','Chechen fighters':'Chechen separatists',
   'Russian Federation':'Russia','Kremlin':'Russia','Moscow':'Russia','Viktor Zhuravlyov':'Russia','Zhuravlyov':'Russia',
   'Irina Voskresenskaya':'Yabloko','Voskresenskaya':'Yabloko','LDPR':'Liberal Democratic Party of Russia','Liberal Democratic Party':'Liberal Democratic Party of Russia','Bekhan Tsechoev':'Ingushetia',
   'OSCE':'Organization for Security and Co-operation in Europe','Matthias Brenner':'Organization for Security and Co-operation in Europe','USA':'United States'},
 'haiti2004':{'Moravia':'Jean-Baptiste Moravia','Haiti':'Jean-Baptiste Moravia','Guy-Marc Phanord':'National Revolutionary Front','Phanord':'National Revolutionary Front','National Revolutionary Front for the Liberation and Reconstruction of Haiti':'National Revolutionary Front',
   'Evelyne Castera':'Democratic Platform','Castera':'Democratic Platform','Douglas Brandt':'United States','Washington':'United States','State Department':'United States','USA':'United States',
   'Jacques-Henri Dumoulin':'France','Dumoulin':'France','Caribbean Community':'CARICOM','Lavalas':'Fanmi Lavalas','Haitian rebels':'National Revolutionary Front','Fanmi Lavalas party':'Fanmi Lavalas'},
 'nile2020':{'Hossam Eldin Farid':'Egypt','Farid':'Egypt','Cairo':'Egypt','Dawit Alemu':'Ethiopia','Alemu':'Ethiopia','Addis Ababa':'Ethiopia',
   'Americans':'United States','Washington':'United States','USA':'United States','AU':'African Union','EU':'European Union','League of Arab States':'Arab League'},
 'taiwan2022':{'Zhao Wenbo':'China','Beijing':'China',"People's Republic of China":'China','Lin Cheng-hsiung':'Taiwan','Republic of China':'Taiwan',
   'Dunleavy':'Margaret Dunleavy','DPP':'Democratic Progressive Party','KMT':'Kuomintang','Hsu Ming-chang':'Kuomintang','Kenji Morioka':'Japan',
   'Washington':'United States','USA':'United States','Trevor Haskins':'United States','White House':'United States','Democrats':'Democratic Party'},
 'us_shutdown':{'Hollister':'Dale Hollister','Corey Vandermeer':'House Freedom Caucus','Vandermeer':'House Freedom Caucus','Freedom Caucus':'House Freedom Caucus',
   'Alana Pruitt':'White House','House Republicans':'Republican Party','Republicans':'Republican Party','GOP':'Republican Party','Democrats':'Democratic Party',
   'Pike':'Wendell Pike','Okafor':'Linda Okafor','Jamal Whitaker':'Democratic Congressional Campaign Committee','DCCC':'Democratic Congressional Campaign Committee','Chamber of Commerce':'U.S. Chamber of Commerce'},
 'us_scotus':{'Strand':'Evelyn Strand','ACLU':'American Civil Liberties Union','Republicans':'Republican Party','GOP':'Republican Party','Democrats':'Democratic Party',
   'Lyle':'Garrett Lyle','NRA':'National Rifle Association','Moynahan':'Rachel Moynahan','ABA':'American Bar Association','United States':'White House'},
 'us_primary':{'Keeling':'Brad Keeling','Whitfield':'Dana Whitfield','Nolan Ashby':'Club for Growth','Ashby':'Club for Growth','NRSC':'National Republican Senatorial Committee',
   'Teresa Galindo':'Arizona Republican Party','PAC':'Senate Majority PAC','Tulley':'Raymond Tulley','Republicans':'Republican Party','GOP':'Republican Party','Democrats':'Democratic Party'},
 'us_drugs':{'Pharmaceutical Research and Manufacturers of America':'PhRMA','Stephen Marlowe':'PhRMA','Marlowe':'PhRMA','Osgood':'Harriet Osgood','Reeves':'Clayton Reeves',
   'Farrow':'Douglas Farrow','AMA':'American Medical Association','Republicans':'Republican Party','Democrats':'Democratic Party'},
}

if __name__ == "__main__":
    main(ALIAS, os.path.dirname(os.path.abspath(__file__)))
