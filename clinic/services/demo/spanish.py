"""Spanish wording of the demo data, for Spanish screenshots and Spanish-speaking trainings.

``fill_demo_data(..., language="es")`` writes these texts instead of the English ones: titles of
manual deadlines and evidence, notes, reasons and stage notes. The generator draws the same random
numbers in both languages; only the words written differ. A text missing here stays English.

Proper names stay as they are: courts, asylum offices, detention centres, agencies, forms,
organisations and foreign document names ("Houston Immigration Court", "DNI (Documento Nacional
de Identificación)"), because that is how they appear on the letters and buildings clients and
staff see (docs/glossary-es.md, "Official names"). Wording follows the glossary.
"""

from __future__ import annotations

SPANISH: dict[str, str] = {
    # deadlines.py: manual tasks, judge-ordered dates, case facts, closing reasons
    "Call client about police report": "Llamar al cliente por la denuncia policial",
    "Certified translation of identity document": "Traducción certificada del documento de identidad",
    "Schedule psychological evaluation": "Programar la evaluación psicológica",
    "FOIA request to CBP and USCIS for prior encounters": (
        "Solicitud FOIA a CBP y USCIS sobre encuentros anteriores"
    ),
    "Collect witness declaration from relative": "Obtener la declaración testimonial de un familiar",
    "Pre-hearing brief, exhibits and witness list (judge-ordered)": (
        "Escrito previo a la audiencia, anexos y lista de testigos (ordenado por el juez)"
    ),
    "Set by the immigration judge at the last master calendar hearing": (
        "Fijado por el juez de inmigración en la última audiencia preliminar"
    ),
    "(c)(8) work permit card expires": "Vence la tarjeta de permiso de trabajo (c)(8)",
    "Oral decision of the immigration judge": "Decisión oral del juez de inmigración",
    "Asylum denied": "Asilo denegado",
    "Days the judge granted": "Días concedidos por el juez",
    "Voluntary departure granted": "Salida voluntaria concedida",
    "BIA dismissed the appeal": "La BIA desestimó la apelación",
    "BIA decision": "Decisión de la BIA",
    "Appeal waived": "Se renunció a la apelación",
    "Asylum granted": "Asilo concedido",
    "DHS motion to pretermit": "Moción del DHS para desestimar sin audiencia (pretermit)",
    "Biometrics to be completed by": "Datos biométricos a completar antes de",
    "USCIS A-file request": "Solicitud del expediente A a USCIS",
    "Acknowledgment letter": "Carta de acuse de recibo",
    "Unusual circumstances: records held in a field office": (
        "Circunstancias inusuales: registros en una oficina local"
    ),
    "CBP request for entry records": "Solicitud a CBP de registros de entrada",
    "OBIM fingerprint records": "Registros de huellas dactilares de OBIM",
    "Records released in part": "Registros entregados en parte",
    "Interview notice (I-797C)": "Aviso de entrevista (I-797C)",
    "Client asked to reschedule: surgery that week": (
        "El cliente pidió otra fecha: tiene una operación esa semana"
    ),
    "Notice went to the old address": "El aviso llegó a la dirección anterior",
    "Client was ill; doctor's note asked": "El cliente estaba enfermo; se pidió nota médica",
    "Notice of Intent to Deny (in status)": "Aviso de intención de denegar (con estatus)",
    "Rescheduled interview attended": "Asistió a la entrevista reprogramada",
    "Bond denied: flight risk": "Fianza denegada: riesgo de fuga",
    "EOIR-26 received by the BIA": "EOIR-26 recibido por la BIA",
    "Response ordered by the judge": "Respuesta ordenada por el juez",
    "G-325R filed; confirmation saved": "G-325R presentado; confirmación guardada",
    "Petition for review filed": "Petición de revisión presentada",
    "Motion for a stay of removal filed": "Moción de paralización de la expulsión presentada",
    "Order on the stay motion": "Orden sobre la moción de paralización",
    "Certified administrative record": "Expediente administrativo certificado",
    "Petition for review filed in the court of appeals": (
        "Petición de revisión presentada en el tribunal de apelaciones"
    ),
    "Motion to reopen filed: changed country conditions": (
        "Moción para reabrir presentada: cambio de condiciones en el país"
    ),
    "Briefing schedule and transcript": "Calendario de escritos y transcripción",
    "21-day extension granted": "Prórroga de 21 días concedida",
    "Bond set at $7,500": "Fianza fijada en $7,500",
    "DHS filed EOIR-43": "El DHS presentó el EOIR-43",
    "Bond appeal (EOIR-26) filed": "Apelación de fianza (EOIR-26) presentada",
    "Bond hearing held; decision announced": "Audiencia de fianza celebrada; decisión anunciada",
    "Biometrics taken at the new appointment": "Datos biométricos tomados en la nueva cita",
    "Reviewed with the client: no new evidence for a motion": (
        "Revisado con el cliente: no hay pruebas nuevas para una moción"
    ),
    "Client decided not to petition the court of appeals": (
        "El cliente decidió no recurrir al tribunal de apelaciones"
    ),
    "Attorney reviewed: not needed for this client": (
        "Revisado por el abogado: no hace falta para este cliente"
    ),
    "Covered by an earlier filing": "Cubierto por una presentación anterior",
    "Client chose not to pursue after consultation": (
        "El cliente decidió no seguir adelante tras la consulta"
    ),
    "Case closed": "Caso cerrado",
    "Passed before the clinic took the case": "Venció antes de que la clínica tomara el caso",
    "Filed late; changed-circumstances exception argued": (
        "Presentado tarde; se alegó la excepción por cambio de circunstancias"
    ),
    "Case closed before filing": "Caso cerrado antes de presentar",
    "Past the year at intake; pursuing withholding and CAT": (
        "Pasado el año en la entrevista inicial; se solicita suspensión de la expulsión y CAT"
    ),
    "Extraordinary circumstances (illness) to be argued": (
        "Se alegarán circunstancias extraordinarias (enfermedad)"
    ),
    "Relief granted; neither side appealed": "Amparo concedido; ninguna parte apeló",
    "Client decided not to appeal after consultation": (
        "El cliente decidió no apelar tras la consulta"
    ),
    # plans.py: stage notes
    "Retainer signed; declaration started": "Contrato de representación firmado; declaración iniciada",
    "I-589 mailed to USCIS; receipt notice received": (
        "I-589 enviado por correo a USCIS; aviso de recibo recibido"
    ),
    "Interview notice received": "Aviso de entrevista recibido",
    "Referral notice issued by the asylum office": (
        "La oficina de asilo emitió el aviso de remisión"
    ),
    "NTA filed": "NTA presentado",
    "Individual hearing held; decision reserved": (
        "Audiencia individual celebrada; decisión reservada"
    ),
    "Decision announced": "Decisión anunciada",
    "Decision": "Decisión",
    "Decision received from the asylum office": "Decisión recibida de la oficina de asilo",
    "Retainer signed; EOIR-28 filed": "Contrato de representación firmado; EOIR-28 presentado",
    "I-589 lodged with the immigration court": "I-589 presentado ante el tribunal de inmigración",
    "Individual hearing set": "Audiencia individual programada",
    "Relief denied; removal ordered": "Amparo denegado; deportación ordenada",
    "EOIR-26 notice of appeal filed with the BIA": (
        "Aviso de apelación EOIR-26 presentado ante la BIA"
    ),
    "Oral decision": "Decisión oral",
    "Oral decision at individual hearing": "Decisión oral en la audiencia individual",
    # hearings.py: outcomes and notes
    "Pleadings taken; I-589 due at next hearing": (
        "Se contestaron los cargos (pleadings); el I-589 se entrega en la próxima audiencia"
    ),
    "Reset for attorney preparation": "Reprogramada para que el abogado se prepare",
    "Client appeared by video; pleadings taken": (
        "El cliente compareció por video; se contestaron los cargos (pleadings)"
    ),
    "Reported; next check-in set": "Se presentó; próxima cita de control fijada",
    "DHS motion granted; proceedings terminated": "Moción del DHS concedida; procedimiento terminado",
    "Proceedings dismissed without prejudice": "Procedimiento desestimado sin perjuicio",
    "Case administratively closed": "Caso con cierre administrativo",
    "Motion to withdraw as counsel granted": "Concedida la moción para dejar la representación",
    "Application withdrawn; client to depart": "Solicitud retirada; el cliente saldrá del país",
    "Attended; fingerprints and photo taken": "Asistió; se tomaron huellas y foto",
    "Interview held": "Entrevista realizada",
    "Interview held; decision pending": "Entrevista realizada; decisión pendiente",
    "Pleadings taken; individual hearing set": (
        "Se contestaron los cargos (pleadings); audiencia individual programada"
    ),
    "Hearing held": "Audiencia celebrada",
    "Testimony completed; decision reserved": "Testimonio terminado; decisión reservada",
    "Bring passport and all original documents": "Traer el pasaporte y todos los documentos originales",
    # evidence.py: titles, sources, notes
    "Psychological evaluation (PTSD, major depression)": (
        "Evaluación psicológica (TEPT, depresión mayor)"
    ),
    "Forensic medical evaluation of scars": "Evaluación médico-forense de cicatrices",
    "Declaration of the applicant in support of Form I-589": (
        "Declaración del solicitante en apoyo del formulario I-589"
    ),
    "USCIS receipt notice (Form I-797C)": "Aviso de recibo de USCIS (formulario I-797C)",
    "Client": "Cliente",
    "Client, with paralegal": "Cliente, con el asistente legal",
    "Client's family by mail": "Familia del cliente, por correo",
    "Client's phone": "Celular del cliente",
    "Volunteer clinician": "Profesional clínico voluntario",
    "Country-conditions expert": "Experto en condiciones del país",
    "Translator's certificate attached": "Se adjunta el certificado del traductor",
    "Conflict check run at intake: no matches.": (
        "Verificación de conflictos hecha en la entrevista inicial: sin coincidencias."
    ),
    "Client asked about work authorisation; explained when an I-765 can be filed.": (
        "El cliente preguntó por el permiso de trabajo; se le explicó cuándo puede presentarse "
        "un I-765."
    ),
    "Called client to confirm the next hearing date; voicemail left in Spanish and English.": (
        "Se llamó al cliente para confirmar la próxima audiencia; se dejó un mensaje de voz en "
        "español e inglés."
    ),
    "Client brought original documents; copies scanned and originals returned.": (
        "El cliente trajo documentos originales; se escanearon copias y se devolvieron los "
        "originales."
    ),
    "Attorney reviewed the declaration draft; follow-up questions on dates of attacks.": (
        "El abogado revisó el borrador de la declaración; preguntas pendientes sobre las fechas "
        "de los ataques."
    ),
    "Interpreter requested for the next meeting.": "Se pidió intérprete para la próxima reunión.",
    # intake.py: client notes
    "Prefers a female interpreter and a female attorney for the declaration.": (
        "Prefiere una intérprete y una abogada para la declaración."
    ),
    "Works nights; call after 3 pm. WhatsApp preferred.": (
        "Trabaja de noche; llamar después de las 3 p.m. Prefiere WhatsApp."
    ),
    "Hearing-impaired in one ear; sit on the left side.": (
        "Sordera en un oído; sentarse a su izquierda."
    ),
    "Speaks a Mayan language at home; use a Mam/K'iche' interpreter, not Spanish.": (
        "En casa habla una lengua maya; usar intérprete de mam/k'iche', no de español."
    ),
    "Unaccompanied minor; sponsor is an older sibling. Check TVPRA timelines.": (
        "Menor no acompañado; su patrocinador es un hermano mayor. Revisar los plazos de TVPRA."
    ),
    # places.py and profiles.py: where clients arrived (airports and bridges are proper names)
    "near Eagle Pass, TX": "cerca de Eagle Pass, TX",
    "near El Paso, TX": "cerca de El Paso, TX",
    "near Hidalgo, TX": "cerca de Hidalgo, TX",
    "near Lukeville, AZ": "cerca de Lukeville, AZ",
    "San Ysidro, CA port of entry": "puerto de entrada de San Ysidro, CA",
    # profiles.py: particular social groups
    "Honduran women who are unable to leave a domestic relationship": (
        "Mujeres hondureñas que no pueden dejar una relación de pareja"
    ),
    "Immediate family members of a Honduran police officer murdered by MS-13": (
        "Familiares directos de un policía hondureño asesinado por la MS-13"
    ),
    "Honduran small-business owners who refused to pay gang extortion": (
        "Pequeños comerciantes hondureños que se negaron a pagar la extorsión de las pandillas"
    ),
    "Indigenous K'iche' women in Guatemala": "Mujeres indígenas k'iche' en Guatemala",
    "Guatemalan women who are viewed as property by their partners": (
        "Mujeres guatemaltecas a quienes su pareja considera de su propiedad"
    ),
    "Guatemalan land-rights activists from Indigenous communities": (
        "Activistas guatemaltecos por la tierra de comunidades indígenas"
    ),
    "Salvadoran former police officers targeted by gangs": (
        "Ex policías salvadoreños perseguidos por las pandillas"
    ),
    "Salvadoran youths who refused gang recruitment": (
        "Jóvenes salvadoreños que rechazaron el reclutamiento de las pandillas"
    ),
    "Mexican witnesses who testified against members of a drug cartel": (
        "Testigos mexicanos que declararon contra miembros de un cártel"
    ),
    "Gay men in Mexico": "Hombres gays en México",
    "Venezuelan opposition poll witnesses": "Testigos electorales de la oposición venezolana",
    "Haitian women without male protection in gang-controlled neighbourhoods": (
        "Mujeres haitianas sin protección masculina en barrios controlados por pandillas"
    ),
    "Haitian journalists who report on gang violence": (
        "Periodistas haitianos que informan sobre la violencia de las pandillas"
    ),
    "Gay men in Russia": "Hombres gays en Rusia",
    "Russian men who refuse military mobilisation": (
        "Hombres rusos que se niegan a la movilización militar"
    ),
    "Afghan women who worked outside the home": "Mujeres afganas que trabajaban fuera de casa",
    "Former employees of U.S.-funded organisations in Afghanistan": (
        "Ex empleados de organizaciones financiadas por EE. UU. en Afganistán"
    ),
    "Ukrainian civilians from occupied territories who refused Russian citizenship": (
        "Civiles ucranianos de territorios ocupados que rechazaron la ciudadanía rusa"
    ),
    "Turkish teachers dismissed by emergency decree": (
        "Docentes turcos destituidos por decreto de emergencia"
    ),
    # profiles.py: identity documents and corroboration (foreign names in brackets stay)
    "Honduran passport": "Pasaporte hondureño",
    "Birth certificate (partida de nacimiento)": "Partida de nacimiento",
    "Police report (denuncia) to the Ministerio Público": "Denuncia ante el Ministerio Público",
    "Death certificate of brother (acta de defunción)": "Acta de defunción del hermano",
    "Threatening WhatsApp messages (screenshots)": (
        "Mensajes de WhatsApp con amenazas (capturas de pantalla)"
    ),
    "Guatemalan passport": "Pasaporte guatemalteco",
    "Birth certificate (certificado de nacimiento, RENAP)": "Certificado de nacimiento (RENAP)",
    "Community leader's letter (constancia de la alcaldía indígena)": (
        "Constancia de la alcaldía indígena"
    ),
    "Police report (denuncia) to the PNC": "Denuncia ante la PNC",
    "Photographs of burned house": "Fotografías de la casa quemada",
    "Salvadoran passport": "Pasaporte salvadoreño",
    "Police report (denuncia) to the Fiscalía": "Denuncia ante la Fiscalía",
    "Letter from parish priest": "Carta del párroco",
    "Medical record from Hospital Rosales": "Expediente médico del Hospital Rosales",
    "INE voter ID card": "Credencial para votar del INE",
    "Mexican passport": "Pasaporte mexicano",
    "Birth certificate (acta de nacimiento)": "Acta de nacimiento",
    "Complaint to the Fiscalía General (carpeta de investigación)": (
        "Denuncia ante la Fiscalía General (carpeta de investigación)"
    ),
    "News article from local newspaper": "Artículo de un periódico local",
    "Threat letter (narcomanta photograph)": "Amenaza escrita (fotografía de narcomanta)",
    "Venezuelan passport": "Pasaporte venezolano",
    "Membership card of opposition party": "Carnet de afiliación a un partido de oposición",
    "Photographs of protest injuries": "Fotografías de lesiones en protestas",
    "Letter from the Foro Penal legal team": "Carta del equipo legal de Foro Penal",
    "Haitian passport": "Pasaporte haitiano",
    "Police report (rapport de police)": "Denuncia policial (rapport de police)",
    "Letter from RNDDH human-rights monitor": "Carta de un observador de derechos humanos de RNDDH",
    "Photographs of destroyed market stall": "Fotografías del puesto de mercado destruido",
    "Internal passport (внутренний паспорт)": "Pasaporte interno (внутренний паспорт)",
    "International passport (загранпаспорт)": "Pasaporte internacional (загранпаспорт)",
    "Birth certificate (свидетельство о рождении)": (
        "Certificado de nacimiento (свидетельство о рождении)"
    ),
    "Administrative protocol for anti-war picket (протокол)": (
        "Acta administrativa por un piquete contra la guerra (протокол)"
    ),
    "Mobilisation summons (повестка)": "Citación de movilización (повестка)",
    "Court judgment under Article 20.3.3": "Sentencia judicial según el artículo 20.3.3",
    "Resident identity card (居民身份证)": "Documento de identidad de residente (居民身份证)",
    "Household registration booklet (户口簿)": "Libreta de registro familiar (户口簿)",
    "Chinese passport": "Pasaporte chino",
    "Letter from house-church pastor": "Carta del pastor de la iglesia doméstica",
    "Detention notice (拘留通知书)": "Notificación de detención (拘留通知书)",
    "Sterilisation certificate": "Certificado de esterilización",
    "Afghan passport": "Pasaporte afgano",
    "Marriage certificate (نکاح خط)": "Acta de matrimonio (نکاح خط)",
    "Employment letter from U.S.-funded NGO": "Carta laboral de una ONG financiada por EE. UU.",
    "Taliban night letter (شب\u200cنامه)": "Carta nocturna de los talibanes (شب\u200cنامه)",
    "Photographs of ID badge": "Fotografías del carnet de empleado",
    "Ukrainian internal passport (ID card)": "Pasaporte interno ucraniano (tarjeta de identidad)",
    "International passport": "Pasaporte internacional",
    "Birth certificate (свідоцтво про народження)": (
        "Certificado de nacimiento (свідоцтво про народження)"
    ),
    "Letter from village council": "Carta del consejo del pueblo",
    "Photographs of destroyed home": "Fotografías de la vivienda destruida",
    "Filtration-camp release paper": "Constancia de salida del campo de filtración",
    "Turkish ID card (nüfus cüzdanı)": "Documento de identidad turco (nüfus cüzdanı)",
    "Turkish passport": "Pasaporte turco",
    "Population registry extract (nüfus kayıt örneği)": (
        "Extracto del registro civil (nüfus kayıt örneği)"
    ),
    "Emergency decree dismissal list (KHK)": "Lista de destituidos por decreto de emergencia (KHK)",
    "Indictment (iddianame)": "Acta de acusación (iddianame)",
    "UYAP court record printout": "Copia impresa del expediente judicial de UYAP",
    "Citizen ID card (căn cước công dân)": "Documento de identidad (căn cước công dân)",
    "Vietnamese passport": "Pasaporte vietnamita",
    "Birth certificate (giấy khai sinh)": "Certificado de nacimiento (giấy khai sinh)",
    "Summons from commune police (giấy triệu tập)": (
        "Citación de la policía comunal (giấy triệu tập)"
    ),
    "Letter from Hòa Hảo temple": "Carta del templo Hòa Hảo",
    "Blog posts (printouts)": "Entradas de blog (impresas)",
}

COUNTRIES: dict[str, str] = {
    "Honduras": "Honduras",
    "Guatemala": "Guatemala",
    "El Salvador": "El Salvador",
    "Mexico": "México",
    "Venezuela": "Venezuela",
    "Haiti": "Haití",
    "Russia": "Rusia",
    "China": "China",
    "Afghanistan": "Afganistán",
    "Ukraine": "Ucrania",
    "Turkey": "Turquía",
    "Vietnam": "Vietnam",
}

# Templates with values: English on the left, Spanish on the right (str.format names).
TEMPLATES: dict[str, str] = {
    "Closed: {outcome}": "Cerrado: {outcome}",
    "Oral decision: {outcome}": "Decisión oral: {outcome}",
    "Expert declaration on conditions for returnees to {country}": (
        "Declaración pericial sobre la situación de los retornados a {country}"
    ),
    "U.S. Department of State, {year} Country Report on Human Rights Practices: {country}": (
        "Departamento de Estado de EE. UU., Informe de país sobre prácticas de derechos humanos "
        "{year}: {country}"
    ),
    "UNHCR eligibility guidance on asylum-seekers from {country}": (
        "Directrices de elegibilidad del ACNUR sobre solicitantes de asilo de {country}"
    ),
    "Human Rights Watch World Report {year}: {country} chapter": (
        "Human Rights Watch, Informe Mundial {year}: capítulo {country}"
    ),
}

# Stage outcomes as the notes name them ("Closed: granted").
OUTCOMES: dict[str, str] = {
    "granted": "concedido",
    "denied": "denegado",
    "referred": "remitido",
    "withdrawn": "retirado",
    "removal ordered": "deportación ordenada",
    "voluntary departure": "salida voluntaria",
    "withholding granted": "suspensión de la expulsión concedida",
    "cat granted": "protección CAT concedida",
    "transferred": "transferido",
    "administratively closed": "cierre administrativo",
    "dismissed": "desestimado",
    "terminated": "terminado",
}


def words(language: str, text: str) -> str:
    """``text`` in ``language`` ("en" or "es"); English when the table has no entry."""
    if language != "es" or not text:
        return text
    return SPANISH.get(text, text)


def fill(language: str, template: str, /, **values: str | int) -> str:
    """A template from ``TEMPLATES`` in ``language``, with countries and outcomes in it too."""
    if language == "es":
        template = TEMPLATES.get(template, template)
        for key, table in (("country", COUNTRIES), ("outcome", OUTCOMES)):
            value = values.get(key)
            if isinstance(value, str):
                values[key] = table.get(value, value)
    return template.format(**values)
