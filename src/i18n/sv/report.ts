/** Swedish wording of the report dialog (seed 003 Bilaga 4) and the advice after it. */
export const reportSv: Record<string, string> = {
  'report.intro':
    'Hej, jag är Vaktpost. Här kan du rapportera hot, hat, våld eller trakasserier mot dig eller någon annan med ett politiskt uppdrag. Det tar några minuter och du kan pausa när du vill. Är någon i fara just nu: ring 112.',
  'report.summary_title': 'Din rapport',

  'report.emergency.question': 'Är någon i fara just nu, eller pågår det som hänt fortfarande?',
  'report.emergency.hint':
    'Svara ja om någon är i fara eller om det händer just nu. Vill du ha hjälp direkt och berätta resten sen? Välj "Skicka nu, berätta mer sen".',
  'report.emergency.choice.yes': 'Ja',
  'report.emergency.choice.no': 'Nej',
  'report.emergency.choice.send_now': 'Skicka nu, berätta mer sen',
  'report.emergency.help':
    'Är någon i fara: ring 112 först, innan du fortsätter här. Rapporten kan vänta, och dina svar sparas.',
  'report.emergency.label': 'Fara just nu eller pågående',
  'report.emergency.call_112':
    'Ring 112 nu om du inte redan har gjort det. Ta dig till en säker plats, gärna tillsammans med någon. Fortsätt här när du är i säkerhet – dina svar sparas.',

  'report.on_behalf.question': 'Gäller rapporten dig själv eller någon annan?',
  'report.on_behalf.hint': 'Du kan rapportera för någon annans räkning, till exempel som stödperson eller kollega.',
  'report.on_behalf.label': 'Rapporten gäller',
  'report.on_behalf.choice.self': 'Mig själv',
  'report.on_behalf.choice.on_behalf': 'Någon annan',

  'report.relation.question': 'Vilken relation har du till den som utsattes?',
  'report.relation.hint': 'Till exempel kollega, partivän, anhörig eller stödperson.',
  'report.relation.label': 'Din relation till den utsatta',

  'report.reporter_name_role.question': 'Vilken roll har du, till exempel i partiet?',
  'report.reporter_name_role.hint':
    'Ditt namn har jag redan. Till exempel kollega i fullmäktigegruppen eller stödperson.',
  'report.reporter_name_role.label': 'Du som rapporterar',

  'report.target_name.question': 'Vad heter den som utsattes?',
  'report.target_name.hint': 'Namnet behövs för att rätt person ska få hjälp.',
  'report.target_name.label': 'Den utsatta',

  'report.categories.question': 'Vad hände? Välj allt som stämmer.',
  'report.categories.hint': 'I nästa fråga får du beskriva det med egna ord.',
  'report.categories.label': 'Vad som hände',
  'report.category.threat': 'Hot',
  'report.category.violence_person': 'Våld mot person',
  'report.category.violence_property': 'Våld mot egendom (till exempel bil, hem eller lokal)',
  'report.category.harassment': 'Trakasserier (till exempel kartläggning, förföljelse eller beställningar i ditt namn)',
  'report.category.vandalism': 'Skadegörelse (till exempel klotter eller förstört valmaterial)',
  'report.category.theft': 'Stöld',
  'report.category.improper_influence': 'Annan otillåten påverkan (till exempel påtryckningar eller mutförsök)',

  'report.description.question': 'Beskriv vad som hände, med egna ord.',
  'report.description.hint':
    'Så detaljerat du orkar: vad som sades eller gjordes, gärna ordagrant. Högst 4 000 tecken.',
  'report.description.help':
    'Skriv som du minns det och citera hotet ordagrant om du kan. Det gör inget om det blir ofullständigt – säkerhetsansvarig kan fråga mer. Skärmdumpar och foton kan du skicka senare.',
  'report.description.label': 'Beskrivning',

  'report.channels.question': 'Hur skedde det? Välj allt som stämmer.',
  'report.channels.hint': 'Till exempel i sociala medier, med sms, i telefon, med brev eller öga mot öga.',
  'report.channels.label': 'Hur det skedde',
  'report.channel.social_media': 'Sociala medier',
  'report.channel.email': 'E-post',
  'report.channel.sms': 'Sms',
  'report.channel.phone': 'Telefonsamtal',
  'report.channel.letter': 'Brev eller paket',
  'report.channel.in_person_home': 'Någon kom hem till mig',
  'report.channel.in_person_public': 'Någon kom fram till mig på allmän plats',
  'report.channel.meeting': 'På ett möte eller sammanträde',
  'report.channel.other': 'På annat sätt',

  'report.when.question': 'När hände det?',
  'report.when.hint':
    'Skriv datum och gärna tid, till exempel 2026-03-09 21:15, eller "idag" eller "igår". Du kan också skriva med egna ord, till exempel "flera gånger sedan i somras".',
  'report.when.label': 'När',

  'report.more.question': 'Tack, nu har jag det viktigaste. Vill du skicka rapporten nu eller berätta mer?',
  'report.more.hint':
    'Fler uppgifter hjälper säkerhetsansvarig, men alla frågor som kommer går att hoppa över. Skickar du nu kan säkerhetsansvarig fråga om resten.',
  'report.more.label': 'Fler uppgifter',
  'report.more.summary_action': 'Berätta mer',
  'report.more.details_intro':
    'Tack. Nu kommer några frågor till om detaljer. Alla går att hoppa över, och när du har sagt det du vill kan du skriva "skicka".',
  'report.part.details': 'Fler uppgifter, alla frivilliga: fråga',
  'report.more.choice.submit_now': 'Skicka nu',
  'report.more.choice.tell_more': 'Berätta mer',

  'report.ongoing.question': 'Pågår det fortfarande, till exempel genom att det kommer nya meddelanden?',
  'report.ongoing.label': 'Pågår fortfarande',

  'report.where_place.question': 'Var hände det?',
  'report.where_place.hint': 'Till exempel hemma, på torget, i fullmäktigesalen eller på väg hem.',
  'report.where_place.label': 'Plats',

  'report.where_link.question': 'Hände det på nätet? Skriv i så fall plattformen, eller klistra in en länk.',
  'report.where_link.hint': 'Till exempel Facebook, Instagram, X eller en länk till inlägget.',
  'report.where_link.label': 'Plattform eller länk',

  'report.evidence.question':
    'Har du bevis, till exempel skärmdumpar eller foton? Skicka dem här och tryck "Klar" när du är färdig.',
  'report.evidence.hint': 'Spara allt och radera ingenting – inte heller det du skickar hit.',
  'report.evidence.help':
    'Så sparar du bevis: spara allt och radera ingenting. Ta skärmdumpar av både inlägget och profilen som skrev det. Spara sms, mejl och röstmeddelanden. Ett brev eller paket: rör det så lite som möjligt, lägg det i en plastpåse och öppna inget mer. Har du inga filer att skicka, tryck "Klar".',
  'report.evidence.label': 'Bifogade filer',

  'report.evidence_note.question': 'Finns det andra bevis som du inte kan skicka här? Berätta var de finns.',
  'report.evidence_note.hint':
    'Till exempel ett brev i en plastpåse, ett röstmeddelande, en inspelning eller en samtalslista.',
  'report.evidence_note.label': 'Andra bevis',

  'report.police.question': 'Har någon pratat med polisen om det här?',
  'report.police.hint': 'Det är den utsatta som bestämmer om en polisanmälan. Vi rekommenderar alltid att anmäla.',
  'report.police.help':
    'Är det akut eller pågår det: ring 112. Annars ring polisen på 114 14 eller anmäl på polisen.se. Berätta att det gäller en förtroendevald och att händelsen kan ha med uppdraget att göra. När rapporten är skickad får du fler råd om polisanmälan.',
  'report.police.label': 'Polisen',
  'report.police.choice.not_contacted': 'Nej, inte än',
  'report.police.choice.contacted': 'Ja, men det är inte anmält',
  'report.police.choice.reported': 'Ja, det är polisanmält',
  'report.police.choice.wants_help': 'Nej, men jag vill ha hjälp att anmäla',

  'report.police_when.question': 'När pratade ni med polisen?',
  'report.police_when.label': 'När polisen kontaktades',

  'report.police_case_number.question': 'Vilket ärendenummer fick polisanmälan?',
  'report.police_case_number.hint': 'Det står i bekräftelsen från polisen. Hoppa över om du inte har det till hands.',
  'report.police_case_number.label': 'Polisens ärendenummer',

  'report.consent_municipality.question': 'Får ärendet delas med kommunens säkerhetsansvariga?',
  'report.consent_municipality.hint':
    'Svarar du nej ser bara partiets säkerhetsansvariga ärendet. Det är den utsatta som bestämmer.',
  'report.consent_municipality.help':
    'Kommunens säkerhetschef eller säkerhetsstrateg kan till exempel hjälpa till med skydd i kommunens lokaler och vid sammanträden. Ärendet delas bara om du svarar ja. Svarar du nej, eller hoppar över frågan, ser bara partiets säkerhetsansvariga det.',
  'report.consent_municipality.label': 'Får delas med kommunen',
  'report.reach.question': 'Hur når den som tar hand om ärendet dig enklast?',
  'report.reach.hint': 'Bara den som tar hand om ärendet ser det. Du kan ändra det senare.',
  'report.reach.label': 'Så når vi dig',
  'report.reach.choice.phone': 'Ring eller sms:a mig',
  'report.reach.choice.email': 'Mejla mig',
  'report.reach.choice.chat': 'Bara här i chatten',
  'report.reach_phone.question': 'Vilket telefonnummer?',
  'report.reach_phone.hint': 'Till exempel 070-123 45 67.',
  'report.reach_phone.label': 'Telefon',
  'report.reach_phone.invalid':
    'Det ser inte ut som ett telefonnummer. Skriv siffror med riktnummer, till exempel 070-123 45 67.',
  'report.reach_email.question': 'Vilken e-postadress?',
  'report.reach_email.hint': 'Till exempel namn@example.org.',
  'report.reach_email.label': 'E-post',
  'report.reach_email.invalid':
    'Det ser inte ut som en e-postadress. Den ska ha ett @ och en punkt efter, till exempel namn@example.org.',

  'report.support_needed.question': 'Behöver du, eller den som utsattes, stöd eller hjälp?',
  'report.support_needed.label': 'Behov av stöd',

  'report.support_needs.question': 'Vilket stöd skulle hjälpa?',
  'report.support_needs.hint':
    'Till exempel någon att prata med, sällskap hem eller till möten, eller hjälp med polisanmälan.',
  'report.support_needs.label': 'Vilket stöd',

  'report.support_person.question': 'Finns det någon du vill ha som stödperson? Skriv i så fall vem.',
  'report.support_person.hint': 'Till exempel en kollega, en vän eller en anhörig.',
  'report.support_person.label': 'Stödperson',

  'report.target_role.question': 'Vilket politiskt uppdrag har den som utsattes?',
  'report.target_role.hint': 'Till exempel ledamot i fullmäktige, en nämnd eller en styrelse.',
  'report.target_role.label': 'Uppdrag',

  'report.perpetrator_known.question': 'Vet du vem som gjorde det?',
  'report.perpetrator_known.label': 'Vet vem det är',
  'report.perpetrator_known.choice.known': 'Ja, jag vet vem det är',
  'report.perpetrator_known.choice.unknown': 'Nej, det är någon okänd',
  'report.perpetrator_known.choice.dont_know': 'Osäker',

  'report.perpetrator_count.question': 'Var det en person eller flera?',
  'report.perpetrator_count.label': 'En eller flera',
  'report.perpetrator_count.choice.one': 'En',
  'report.perpetrator_count.choice.several': 'Flera',
  'report.perpetrator_count.choice.dont_know': 'Vet inte',

  'report.perpetrator_description.question': 'Beskriv den eller dem som gjorde det, så gott du kan.',
  'report.perpetrator_description.hint':
    'Till exempel kön, ungefärlig ålder, kroppsbyggnad och längd, dialekt och utmärkande drag som ärr eller kläder.',
  'report.perpetrator_description.label': 'Beskrivning av den som gjorde det',

  'report.perpetrator_group.question':
    'Tror du att den som gjorde det hör till en grupp eller organisation? Vilken i så fall?',
  'report.perpetrator_group.label': 'Grupp eller organisation',

  'report.perpetrator_others.question': 'Vet du om personen har gjort så mot andra förtroendevalda?',
  'report.perpetrator_others.label': 'Har gjort så mot andra förtroendevalda',

  'report.hate_crime.question':
    'Kan det ha skett på grund av hat mot hudfärg, ursprung, religion eller sexuell läggning?',
  'report.hate_crime.hint': 'Det kallas hatbrott och ska i så fall sägas i en polisanmälan.',
  'report.hate_crime.help':
    'Ett hatbrott är när någon angrips på grund av sin hudfärg, sitt nationella eller etniska ursprung, sin religion eller tro eller sin sexuella läggning. Det kan ge ett strängare straff, så det är viktigt att det står i polisanmälan. Svara "Vet inte" om du är osäker.',
  'report.hate_crime.label': 'Möjligt hatbrott',

  'report.sexual_character.question': 'Hade det som hände en sexuell karaktär?',
  'report.sexual_character.label': 'Sexuell karaktär',

  'report.trigger.question': 'Finns det något som kan ha utlöst det?',
  'report.trigger.hint': 'Till exempel en politisk fråga, ett beslut, ett uttalande eller en artikel.',
  'report.trigger.label': 'Möjlig orsak',

  'report.witnesses.question': 'Såg eller hörde någon annan det som hände? Vem i så fall?',
  'report.witnesses.hint': 'Till exempel en annan förtroendevald eller någon i familjen.',
  'report.witnesses.label': 'Vittnen',

  'report.reached_target.question': 'Nådde det fram till den det var riktat mot?',
  'report.reached_target.hint': 'Ibland når ett hot någon annan först, till exempel en kollega eller en anhörig.',
  'report.reached_target.label': 'Nådde fram',

  'report.experience.question': 'Hur upplevde du (eller den utsatta) det som hände?',
  'report.experience.hint':
    'Till exempel skrämmande eller inte, allvarligt menat eller inte, eller något annat. Alla reaktioner är normala.',
  'report.experience.label': 'Upplevelse',

  'report.informed_relatives.question': 'Har några anhöriga fått veta? Vilka i så fall?',
  'report.informed_relatives.label': 'Anhöriga som vet',

  'report.informed_municipality.question':
    'Har någon i kommunen fått veta, till exempel säkerhetschefen? Vem i så fall?',
  'report.informed_municipality.label': 'I kommunen vet',

  'report.measures.question': 'Har något redan beslutats eller gjorts?',
  'report.measures.hint': 'Till exempel en polisanmälan, skyddsåtgärder eller sällskap till möten.',
  'report.measures.label': 'Beslutade åtgärder',

  'report.after.police.title': 'Polisanmälan – våra råd',
  'report.after.police.urgent': 'Är någon i fara eller pågår det fortfarande: ring 112 nu.',
  'report.after.police.already_reported':
    'Du har redan polisanmält. Händer något mer kan du komplettera anmälan – uppge då ärendenumret.',
  'report.after.police.wants_help': 'Du vill ha hjälp att anmäla. Säkerhetsansvarig kan hjälpa dig med det.',
  'report.after.police.decision':
    'Det är den utsatta som bestämmer om en polisanmälan. Vi rekommenderar alltid att anmäla – hellre för mycket än för lite.',
  'report.after.police.numbers':
    'Är det akut eller pågår det: ring 112. Annars ring 114 14, anmäl på polisen.se eller gå till en polisstation.',
  'report.after.police.office':
    'Berätta i anmälan att det gäller någon med ett politiskt uppdrag och att händelsen kan ha med uppdraget att göra.',
  'report.after.police.protected':
    'Be att anmälan blir åtkomstskyddad. Då hålls personuppgifterna skyddade medan polisen utreder.',
  'report.after.police.hate_crime_yes':
    'Du har svarat att motivet kan vara hat mot hudfärg, ursprung, religion eller sexuell läggning. Säg det tydligt i anmälan: det kan vara ett hatbrott, som kan ge ett strängare straff.',
  'report.after.police.hate_crime':
    'Kan motivet vara hat mot hudfärg, ursprung, religion eller sexuell läggning? Säg det i så fall i anmälan.',
  'report.after.police.feedback': 'Be gärna att få återkoppling från den som utreder.',

  'report.after.evidence.title': 'Spara bevis',
  'report.after.evidence.general': 'Spara allt och radera ingenting. Svara inte den som skrev eller ringde.',
  'report.after.evidence.social_media':
    'Sociala medier: ta skärmdumpar av både inlägget och profilen som skrev det. Radera inget – polisen behöver det i digital form.',
  'report.after.evidence.email': 'E-post: spara mejlet och ta en skärmdump där avsändarens adress syns.',
  'report.after.evidence.sms': 'Sms: spara meddelandet och ta en skärmdump där numret syns.',
  'report.after.evidence.phone':
    'Telefon: skriv ned tiden, vad som sades, bakgrundsljud och hur rösten lät (till exempel kön, ålder, dialekt). Spara samtalslistan.',
  'report.after.evidence.letter':
    'Brev eller paket: rör det så lite som möjligt, lägg det i en plastpåse och öppna inget mer. Verkar något farligt: lämna det, stäng dörren och ring 112.',
  'report.after.evidence.in_person':
    'Om någon kom fram till dig: skriv ned så snart du kan vad som hände och sades, hur personen såg ut och vilka som såg det.',
  'report.after.evidence.injury':
    'Har någon skadats: sök vård och be att skadorna dokumenteras. Gör det gärna igen efter några dagar – skador kan synas tydligare med tiden.',
  'report.after.evidence.property': 'Skadad egendom: fotografera skadorna innan något lagas eller städas bort.',

  'report.after.help.title': 'Det här kan vi hjälpa till med – och det här kan vi inte',
  'report.after.help.follow_up':
    'En säkerhetsansvarig i partiet tar hand om ärendet och hör av sig. Den som tar ärendet ansvarar för att följa upp det.',
  'report.after.help.support':
    'Säkerhetsansvarig kan vara ett stöd, hjälpa till i kontakten med polisen och kommunen och se till att ingen lämnas ensam.',
  'report.after.help.not_police': 'Jag gör ingen polisanmälan. Den här rapporten går till partiet, inte till polisen.',
  'report.after.help.no_assessment':
    'Varken jag eller partiet kan bedöma hur farligt ett hot är – det gör polisen. Ta det på allvar och ring 112 om något händer.',
  'report.after.help.shared_municipality':
    'Du har sagt ja till att ärendet får delas med kommunens säkerhetsansvariga.',
  'report.after.help.party_only': 'Ärendet visas bara för partiets säkerhetsansvariga, inte för kommunen.',
};
