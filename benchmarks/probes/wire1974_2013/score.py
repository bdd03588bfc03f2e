"""Score an `actorgraph extract` output on this probe: python score.py OUT.jsonl [v] (see ../README.md).
ALIAS maps, per article, a person's name or a variant to the actor it counts as."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_score import main  # noqa: E402

ALIAS={
 'cyprus1974':{'Orhan Tekeli':'Turkey','Tekeli':'Turkey','Stavros Kalogeropoulos':'Greece','Kemal Ozgur':'Turkish Cypriots','Ozgur':'Turkish Cypriots','Malcolm Ashworth':'Britain','Dale Kirkpatrick':'United States','Evangelos Moraitis':'Greece','Greek junta':'Greece','Cypriot National Guard':'Cyprus','Greek Cypriot National Guard':'Cyprus','National Guard':'Cyprus','Greek Cypriots':'Cyprus','United Kingdom':'Britain'},
 'westernsahara1976':{'Rachid Bensalem':'Algeria','Bensalem':'Algeria','Ahmed Ould Sidi':'Mauritania','Brahim Salek Mahfoud':'Polisario','Joaquin Larrazabal':'Spain','Driss Alaoui':'Morocco','Polisario Front':'Polisario','Sahrawi Arab Democratic Republic':'Polisario'},
 'falklands1982':{'Geoffrey Harcourt':'Britain','Harcourt':'Britain','Raul Etchepare':'Argentina','Etchepare':'Argentina','Pieter Vanderlinden':'European Community','Warren Holbrook':'United States','Horacio Villafane':'Argentina','Declan Moriarty':'Ireland','European Economic Community':'European Community','United Kingdom':'Britain'},
 'bosnia1995':{'Jovan Zelenovic':'Bosnian Serbs','Zelenovic':'Bosnian Serbs','Haris Begovic':'Bosnia','Grigory Anisimov':'Russia','Milan Radosavljevic':'Yugoslavia','Erik Haugland':'NATO','Richard Castellan':'United States','Republika Srpska':'Bosnian Serbs','Bosnia and Herzegovina':'Bosnia','Serbia':'Yugoslavia'},
 'kargil1999':{'Vikram Rathore':'India','Rathore':'India','Tariq Mahmood Qureshi':'Pakistan','Qureshi':'Pakistan','Martin Delaney':'United States','Wen Jiachen':'China','Julian Pettigrew':'Britain','Shamshad Iqbal':'Pakistan','All Parties Hurriyat Conference':'Hurriyat','United Kingdom':'Britain'},
 'colombia2002':{'Andres Villamizar':'Colombia','Villamizar':'Colombia','Kevin Marlowe':'United States','Ramiro Esquivel':'Venezuela','Hernan Quintero':'Colombia','Joaquin Ospina':'FARC','Revolutionary Armed Forces of Colombia':'FARC','United Self-Defence Forces of Colombia':'AUC','National Liberation Army':'ELN'},
 'georgia2008':{'Levan Beridze':'Georgia','Beridze':'Georgia','Anatoly Sementsov':'Russia','Soslan Kabisov':'South Ossetia','Franklin Beaumont':'United States','Gilles Montclar':'France','Montclar':'France','Yevgeny Tarasov':'Russia','Selim Karaduman':'Turkey'},
 'libya2011':{'Hisham Abdel-Fattah':'Arab League','Idris al-Werfalli':'NTC','National Transitional Council':'NTC','Khaled Zuwari':'Libya','Viktor Ostapenko':'Russia','Omar Bukhatwa':'NTC','Marco Fabbrini':'Italy','United Kingdom':'Britain','al-Qaeda':'al Qaeda'},
 'mali2013':{'Pascal Ferrand':'France','Seydou Diakite':'Mali','Mohamed Ag Assaleh':'Ansar Dine','Souleymane Maiga':'Mali','Bradley Nesbitt':'United States','Economic Community of West African States':'ECOWAS','Movement for Oneness and Jihad in West Africa':'MUJAO','National Movement for the Liberation of Azawad':'MNLA','Movement for Oneness and Jihad':'MUJAO','al-Qaeda in the Islamic Maghreb':'al Qaeda in the Islamic Maghreb'},
 'sudan2012':{'Hassan Abdelrahim':'Sudan','Abdelrahim':'Sudan','Deng Majok Akol':'South Sudan','Zhang Weiming':'China','Karen Whitlock':'United States','Sameh Abdel-Ghaffar':'Egypt',"Sudan People's Liberation Movement-North":'SPLM-N','Justice and Equality Movement':'JEM','Peace and Security Council':'African Union'},
}

if __name__ == "__main__":
    main(ALIAS, os.path.dirname(os.path.abspath(__file__)))
