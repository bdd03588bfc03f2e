"""Score an `actorgraph extract` output on this probe: python score.py OUT.jsonl [v] (see ../README.md).
ALIAS maps, per article, a person's name or a variant to the actor it counts as."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_score import main  # noqa: E402

ALIAS={
 'kuwait1990':{'United Kingdom':'Britain','Russia':'Soviet Union','Faisal al-Rumaihi':'Kuwait','al-Sabah family':'Kuwait','Palestine Liberation Organisation':'PLO','Palestine Liberation Organization':'PLO','Ziad Haddadin':'Jordan','Marwan Hijazi':'PLO','Kamal Abdel-Ghaffar':'Egypt','United Nations Security Council':'United Nations','UN Security Council':'United Nations','Security Council':'United Nations'},
 'rwanda1994':{'DR Congo':'Zaire','Doctors Without Borders':'Medecins Sans Frontieres','Rwandan Patriotic Front':'RPF','Jean-Paul Kayitare':'RPF','Anastase Mpirwa':'Rwanda','Moses Kaggwa':'Uganda','Olivier Marceau':'France','MSF':'Medecins Sans Frontieres','Organisation of African Unity':'OAU','Organization of African Unity':'OAU','Kwame Asante-Boateng':'United Nations'},
 'crimea2014':{'Andriy Kostenko':'Ukraine','Oleg Ryabtsev':'Russia','Vladimir Dzyubenko':'Crimea','Refat Aliyev':'Mejlis','Crimean Tatars':'Mejlis','Tatars':'Mejlis','Laura Whitfield':'United States','Klaus Rittner':'Germany','Kremlin':'Russia','Kiev':'Ukraine'},
 'sahel2023':{'Peace and Security Council':'African Union','Issoufou Garba':'Niger','National Council for the Safeguard of the Homeland':'Niger','CNSP':'Niger','junta':'Niger','Boubacar Sangare':'Mali','Dmitry Volkhov':'Wagner Group','Wagner':'Wagner Group','Economic Community of West African States':'ECOWAS','Senate':'Nigerian Senate','Nigeria':'Nigerian Senate'},
 'syria2016':{'Rachel Dunmore':'United States','Anatoly Surikov':'Russia','rebels':'Syrian rebels','rebel factions':'Syrian rebels','rebellion':'Syrian rebels','opposition':'Syrian rebels','Syrian opposition':'Syrian rebels',"Kurdish People's Protection Units":'YPG',"People's Protection Units":'YPG','Nusra Front':'Jabhat Fateh al-Sham','ISIS':'Islamic State','IS':'Islamic State','FSA':'Free Syrian Army'},
 'darfur2004':{'Abdelrahim Osman':'Sudan','SLA':'Sudan Liberation Army','JEM':'Justice and Equality Movement','Hisham Nour':'Arab League','Kerrigan':'Thomas Kerrigan','Congress':'US Congress','rebels':'Darfur rebels','insurgents':'Darfur rebels'},
 'somalia2007':{'Islamic Courts Union':'ICU','Islamic Courts':'ICU','Courts':'ICU','Abdullahi Gurey':'ICU','Sheikh Abdullahi Gurey':'ICU','transitional government':'TFG','Transitional Federal Government':'TFG','Hassan Mohamed Dirie':'TFG','Somalia':'TFG','Tesfamariam Habte':'Eritrea','Bereket Alemu':'Ethiopia','Shabaab':'al-Shabaab','al-Shabab':'al-Shabaab','Al-Shabaab':'al-Shabaab'},
 'suez1956':{'V. Raghavan':'India','M. Christian Duprat':'France','Hugh Pembury':'Labour Party','Labour Opposition':'Labour Party','Labour':'Labour Party','Nikolai Vasilenko':'Soviet Union','Harold Whitmore':'United States','V. K. Raghavan':'India','Gordon Ashdown':'Canada','Christian Duprat':'France','Geoffrey Marlowe':'Britain','Sir Geoffrey Marlowe':'Britain','British Government':'Britain','United Kingdom':'Britain','Russians':'Soviet Union','Algerian rebels':'FLN'},
 'biafra1968':{'Chukwuma Okafor':'Biafra','Adewale Ogunleye':'Nigeria','Federal Military Government':'Nigeria',"Her Majesty's Government":'Britain','United Kingdom':'Britain','Organisation of African Unity':'OAU','Organization of African Unity':'OAU',"Cote d'Ivoire":'Ivory Coast','rebel regime':'Biafra'},
 'ogaden1977':{'Front':'WSLF','Western Somali Liberation Front':'WSLF','Pravda':'Soviet Union','Russians':'Soviet Union','Abdi Warsame Yusuf':'Somalia','Wolde Tsadik Berhane':'Ethiopia','Dergue':'Ethiopia','Walter Hennessy':'United States','Joseph Mwangi':'Kenya','Peking':'China','New China News Agency':'China','Common Market':'EEC','European Economic Community':'EEC','European Community':'EEC'},
}

if __name__ == "__main__":
    main(ALIAS, os.path.dirname(os.path.abspath(__file__)))
