<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>Ticked done, but the case data says missing</source>
        <translation>Marcado como hecho, pero según los datos del caso falta</translation>
    </message>
</context>
<context>
    <name>ANumberEdit</name>
    <message>
        <source>e.g. A-123-456-789 (leave empty if none)</source>
        <translation>p. ej., A-123-456-789 (déjelo vacío si no tiene)</translation>
    </message>
</context>
<context>
    <name>AddDeadlineDialog</name>
    <message>
        <source>Add a deadline</source>
        <translation>Agregar un plazo</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Fijado por</translation>
    </message>
    <message>
        <source>The judge (judge-ordered)</source>
        <translation>El juez (ordenado por el juez)</translation>
    </message>
    <message>
        <source>Our office (manual)</source>
        <translation>Nuestra oficina (manual)</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Qué vence</translation>
    </message>
    <message>
        <source>e.g. Pre-hearing brief and evidence</source>
        <translation>p. ej., escrito previo a la audiencia y pruebas</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Reemplaza</translation>
    </message>
    <message>
        <source>Nothing: a separate deadline</source>
        <translation>Nada: es un plazo aparte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>e.g. Ordered at the master calendar hearing</source>
        <translation>p. ej., ordenado en la audiencia preliminar</translation>
    </message>
</context>
<context>
    <name>AddEvidenceDialog</name>
    <message>
        <source>Add evidence</source>
        <translation>Agregar prueba</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>e.g. Police report, 12 May 2024</source>
        <translation>p. ej., denuncia policial, 12 de mayo de 2024</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language name or code</source>
        <translation>Nombre o código del idioma</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>Obtained on</source>
        <translation>Obtenido el</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Who provided it</source>
        <translation>Quién la entregó</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>AddFamilyMemberDialog</name>
    <message>
        <source>Add family member</source>
        <translation>Agregar familiar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido(s)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Is in the United States</source>
        <translation>Está en los Estados Unidos</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <source>Included in the client&apos;s application</source>
        <translation>Incluido en la solicitud del cliente</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add staff</source>
        <translation>Agregar personal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation>nombre@ejemplo.org (opcional)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>Agregar miembro del personal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
    <message>
        <source>Discard this staff member?</source>
        <translation>¿Descartar este miembro del personal?</translation>
    </message>
    <message>
        <source>The name and e-mail you typed have not been saved.</source>
        <translation>El nombre y el correo electrónico que escribió no se han guardado.</translation>
    </message>
</context>
<context>
    <name>AgendaDetail</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Why this date</source>
        <translation>Por qué esta fecha</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Rule as of</source>
        <translation>Regla vigente al</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <source>Overdue: this date has passed.</source>
        <translation>Vencido: esta fecha ya pasó.</translation>
    </message>
    <message>
        <source>⚠ Verify this date with your attorney: the rule is unverified or the count needs judgement.</source>
        <translation>⚠ Verifique esta fecha con su abogado o abogada: la regla no está verificada o el conteo requiere criterio.</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the case.</source>
        <translation>Presione Enter o haga doble clic para abrir el caso.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Select a hearing or deadline to see why its date is what it is.</source>
        <translation>Seleccione una audiencia o un plazo para ver de dónde sale su fecha.</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Time not set</source>
        <translation>Hora sin fijar</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>⚠ verify with your attorney</source>
        <translation>⚠ verifique con su abogado o abogada</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <source>Overdue — act now</source>
        <translation>Vencido: actúe ya</translation>
    </message>
    <message>
        <source>%1  —  nothing scheduled</source>
        <translation>%1  —  nada programado</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>9 digits, e.g. 123-45-6789</source>
        <translation>9 dígitos, p. ej. 123-45-6789</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 dígitos</translation>
    </message>
    <message>
        <source>If the answer is Yes: explain here, in English</source>
        <translation>Si la respuesta es «sí»: explique aquí, en inglés</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— sin respuesta —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>BackgroundSave</name>
    <message>
        <source>Recomputing deadlines</source>
        <translation>Recalculando los plazos</translation>
    </message>
    <message>
        <source>Recomputing deadlines: %v of %m cases</source>
        <translation>Recalculando plazos: %v de %m casos</translation>
    </message>
</context>
<context>
    <name>BundlePassphraseDialog</name>
    <message>
        <source>Export case</source>
        <translation>Exportar caso</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Include the evidence files (encrypted)</source>
        <translation>Incluir los archivos de pruebas (cifrados)</translation>
    </message>
    <message>
        <source>Include the evidence files</source>
        <translation>Incluir los archivos de pruebas</translation>
    </message>
    <message>
        <source>The file is encrypted with this passphrase. Give the passphrase to the person who imports it by another way than the file (for example by phone).</source>
        <translation>El archivo se cifra con esta frase de contraseña. Comuníquesela a la persona que lo importe por otra vía distinta del archivo (por ejemplo, por teléfono).</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters; a few unrelated words work well.</source>
        <translation>
            <numerusform>Use al menos %n carácter; unas cuantas palabras sin relación entre sí funcionan bien.</numerusform>
            <numerusform>Use al menos %n caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarExportDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>Exportar el calendario</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Paralegal</source>
        <translation>Asistente legal</translation>
    </message>
    <message>
        <source>Every paralegal</source>
        <translation>Todos los asistentes legales</translation>
    </message>
    <message>
        <source>Show clients&apos; full names and A-numbers</source>
        <translation>Mostrar el nombre completo y el número A de los clientes</translation>
    </message>
    <message>
        <source>Calendars sync to phones and cloud accounts. With this ticked, every entry names the client and their A-number; without it, entries show initials only (for example “J.G.”) and the case number.</source>
        <translation>Los calendarios se sincronizan con celulares y cuentas en la nube. Con esta casilla marcada, cada entrada nombra al cliente y su número A; sin ella, las entradas muestran solo las iniciales (por ejemplo «J.G.») y el número de caso.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Paralegal:</source>
        <translation>Asistente &amp;legal:</translation>
    </message>
</context>
<context>
    <name>CalendarExporter</name>
    <message>
        <source>The calendar file is NOT encrypted and is meant to be imported into Outlook or Google Calendar. The export is recorded in the audit log.</source>
        <translation>El archivo de calendario NO está cifrado y está pensado para importarlo en Outlook o Google Calendar. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the calendar file</source>
        <translation>Guardar el archivo de calendario</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Saved {0} and {1} to {2}.</source>
        <translation>Se guardaron {0} y {1} en {2}.</translation>
    </message>
    <message numerus="yes">
        <source>%n hearing(s)</source>
        <translation>
            <numerusform>%n audiencia</numerusform>
            <numerusform>%n audiencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s)</source>
        <translation>
            <numerusform>%n plazo</numerusform>
            <numerusform>%n plazos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Hearings and deadlines of the chosen day</source>
        <translation>Audiencias y plazos del día elegido</translation>
    </message>
    <message>
        <source>Hearings and deadlines of the week</source>
        <translation>Audiencias y plazos de la semana</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Previous (PgUp)</source>
        <translation>Anterior (RePág)</translation>
    </message>
    <message>
        <source>Go to today (Ctrl+T)</source>
        <translation>Ir a hoy (Ctrl+T)</translation>
    </message>
    <message>
        <source>Next (PgDn)</source>
        <translation>Siguiente (AvPág)</translation>
    </message>
    <message>
        <source>Shown period</source>
        <translation>Período mostrado</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>Vista mensual</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Vista semanal</translation>
    </message>
    <message>
        <source>Print docket…</source>
        <translation>Imprimir lista de audiencias…</translation>
    </message>
    <message>
        <source>Print hearing docket</source>
        <translation>Imprimir la lista de audiencias</translation>
    </message>
    <message>
        <source>Save the hearing docket of chosen days as a PDF</source>
        <translation>Guardar como PDF la lista de audiencias de los días elegidos</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semana del %1</translation>
    </message>
</context>
<context>
    <name>CaseBundleActions</name>
    <message>
        <source>Export case</source>
        <translation>Exportar caso</translation>
    </message>
    <message>
        <source>Open a case, or select one in the Cases list, then export it.</source>
        <translation>Abra un caso, o selecciónelo en la lista de Casos, y luego expórtelo.</translation>
    </message>
    <message>
        <source>Save the encrypted case file</source>
        <translation>Guardar el archivo cifrado del caso</translation>
    </message>
    <message>
        <source>Clinic case file (*.cliniccase)</source>
        <translation>Archivo de caso de Clinic (*.cliniccase)</translation>
    </message>
    <message numerus="yes">
        <source>Saved case {0} with %n evidence file(s), encrypted, to {1}.</source>
        <translation>
            <numerusform>Se guardó el caso {0} con %n archivo de pruebas, cifrado, en {1}.</numerusform>
            <numerusform>Se guardó el caso {0} con %n archivos de pruebas, cifrados, en {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n case(s) ({0}) with {1}.</source>
        <translation>
            <numerusform>Se importó %n caso ({0}) con {1}.</numerusform>
            <numerusform>Se importaron %n casos ({0}) con {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n archivo de pruebas</numerusform>
            <numerusform>%n archivos de pruebas</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a case file</source>
        <translation>Importar un archivo de caso</translation>
    </message>
    <message>
        <source>Clinic case files (*.cliniccase *.json)</source>
        <translation>Archivos de caso de Clinic (*.cliniccase *.json)</translation>
    </message>
    <message>
        <source>Import case</source>
        <translation>Importar caso</translation>
    </message>
    <message>
        <source>Passphrase of the case file:</source>
        <translation>Frase de contraseña del archivo de caso:</translation>
    </message>
    <message>
        <source>This store already has a client who is likely the same person (client {0}: {1}). Add the cases to that client, or, if it really is someone else, import them as a new client. Nothing has been imported yet.</source>
        <translation>Esta base de datos ya tiene un cliente que probablemente es la misma persona (cliente {0}: {1}). Agregue los casos a ese cliente o, si de verdad es otra persona, impórtelos como cliente nuevo. Todavía no se ha importado nada.</translation>
    </message>
    <message>
        <source>Add to client {0}</source>
        <translation>Agregar al cliente {0}</translation>
    </message>
    <message>
        <source>Import as a new client</source>
        <translation>Importar como cliente nuevo</translation>
    </message>
</context>
<context>
    <name>CaseFactDialog</name>
    <message>
        <source>Record a case date</source>
        <translation>Registrar una fecha del caso</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>FOIA request</source>
        <translation>Solicitud FOIA</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Choose the agency</source>
        <translation>Elija la agencia</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Agency not recorded</source>
        <translation>Agencia no registrada</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>recibida el %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>enviada el %1</translation>
    </message>
    <message>
        <source>A new request (its sending not recorded)</source>
        <translation>Una solicitud nueva (sin envío registrado)</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Forum and judge</source>
        <translation>Tribunal u oficina y juez</translation>
    </message>
    <message>
        <source>Next hearing</source>
        <translation>Próxima audiencia</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Próximo plazo</translation>
    </message>
    <message>
        <source>Stage: {0}</source>
        <translation>Etapa: {0}</translation>
    </message>
    <message>
        <source>Judge: {0}</source>
        <translation>Juez: {0}</translation>
    </message>
    <message>
        <source>Next hearing: none scheduled</source>
        <translation>Próxima audiencia: ninguna programada</translation>
    </message>
    <message>
        <source>Next hearing: {0}, {1}</source>
        <translation>Próxima audiencia: {0}, {1}</translation>
    </message>
    <message>
        <source>Next deadline: none open</source>
        <translation>Próximo plazo: ninguno pendiente</translation>
    </message>
    <message>
        <source>Next deadline: {0}, act by {1}</source>
        <translation>Próximo plazo: {0}, fecha límite {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencido</numerusform>
            <numerusform>%n vencidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseHistory</name>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>claim type</source>
        <translation>tipo de solicitud</translation>
    </message>
    <message>
        <source>relief sought</source>
        <translation>protección solicitada</translation>
    </message>
    <message>
        <source>protected grounds</source>
        <translation>motivos protegidos</translation>
    </message>
    <message>
        <source>particular social group</source>
        <translation>determinado grupo social</translation>
    </message>
    <message>
        <source>forum</source>
        <translation>tribunal u oficina</translation>
    </message>
    <message>
        <source>court or office</source>
        <translation>tribunal u oficina</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>juez</translation>
    </message>
    <message>
        <source>paralegal</source>
        <translation>asistente legal</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation>abogado(a)</translation>
    </message>
    <message>
        <source>opened on</source>
        <translation>fecha de apertura</translation>
    </message>
    <message>
        <source>filed on</source>
        <translation>fecha de presentación</translation>
    </message>
    <message>
        <source>receipt number</source>
        <translation>número de recibo</translation>
    </message>
    <message>
        <source>detained</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>agency hold</source>
        <translation>retención de la agencia</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>resultado</translation>
    </message>
    <message>
        <source>referred on</source>
        <translation>fecha de remisión</translation>
    </message>
    <message>
        <source>closed on</source>
        <translation>fecha de cierre</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>deadlines recomputed</source>
        <translation>plazos recalculados</translation>
    </message>
    <message>
        <source>case date</source>
        <translation>fecha del caso</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>case</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>zona horaria</translation>
    </message>
    <message>
        <source>time zone confirmed</source>
        <translation>zona horaria confirmada</translation>
    </message>
    <message>
        <source>location</source>
        <translation>lugar</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>asistencia</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>fecha límite</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origen</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regla</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>completed on</source>
        <translation>fecha de cumplimiento</translation>
    </message>
    <message>
        <source>counted from</source>
        <translation>se cuenta desde</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>safe due date</source>
        <translation>fecha límite prudente</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>explicación</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>vigente al</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>fiabilidad</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>advertencias</translation>
    </message>
    <message>
        <source>court sets the date</source>
        <translation>el tribunal fija la fecha</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>traducción</translation>
    </message>
    <message>
        <source>obtained on</source>
        <translation>fecha de obtención</translation>
    </message>
    <message>
        <source>exhibit number</source>
        <translation>número de anexo</translation>
    </message>
    <message>
        <source>in the packet</source>
        <translation>en el paquete</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>stored file</source>
        <translation>archivo guardado</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>nombre del archivo</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>tipo de archivo</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>checksum</source>
        <translation>suma de verificación</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>author</source>
        <translation>autor</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>apellidos</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>other names</source>
        <translation>otros nombres</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>número A</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>nationalities</source>
        <translation>nacionalidades</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>idiomas</translation>
    </message>
    <message>
        <source>interpreter needed</source>
        <translation>necesita intérprete</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>last arrival date</source>
        <translation>fecha de la última llegada</translation>
    </message>
    <message>
        <source>place of last arrival</source>
        <translation>lugar de la última llegada</translation>
    </message>
    <message>
        <source>manner of last arrival</source>
        <translation>forma de la última llegada</translation>
    </message>
    <message>
        <source>detention</source>
        <translation>detención</translation>
    </message>
    <message>
        <source>detention facility</source>
        <translation>centro de detención</translation>
    </message>
    <message>
        <source>unaccompanied child</source>
        <translation>menor no acompañado</translation>
    </message>
    <message>
        <source>middle name</source>
        <translation>segundo nombre</translation>
    </message>
    <message>
        <source>Social Security number</source>
        <translation>número de Seguro Social</translation>
    </message>
    <message>
        <source>USCIS online account number</source>
        <translation>número de cuenta en línea de USCIS</translation>
    </message>
    <message>
        <source>marital status</source>
        <translation>estado civil</translation>
    </message>
    <message>
        <source>city of birth</source>
        <translation>ciudad de nacimiento</translation>
    </message>
    <message>
        <source>country of birth</source>
        <translation>país de nacimiento</translation>
    </message>
    <message>
        <source>nationality at birth</source>
        <translation>nacionalidad al nacer</translation>
    </message>
    <message>
        <source>race, ethnic or tribal group</source>
        <translation>raza, grupo étnico o tribal</translation>
    </message>
    <message>
        <source>religion</source>
        <translation>religión</translation>
    </message>
    <message>
        <source>date they left their country</source>
        <translation>fecha en que salió de su país</translation>
    </message>
    <message>
        <source>passport issued by</source>
        <translation>pasaporte emitido por</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>número de pasaporte</translation>
    </message>
    <message>
        <source>travel document number</source>
        <translation>número de documento de viaje</translation>
    </message>
    <message>
        <source>passport expires</source>
        <translation>vencimiento del pasaporte</translation>
    </message>
    <message>
        <source>fluent in English</source>
        <translation>habla inglés con fluidez</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>parentesco</translation>
    </message>
    <message>
        <source>in the U.S.</source>
        <translation>en EE. UU.</translation>
    </message>
    <message>
        <source>derivative</source>
        <translation>derivado</translation>
    </message>
    <message>
        <source>address line 1</source>
        <translation>dirección, línea 1</translation>
    </message>
    <message>
        <source>address line 2</source>
        <translation>dirección, línea 2</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>código postal</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>moved in on</source>
        <translation>fecha de mudanza</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>checklist</source>
        <translation>lista de verificación</translation>
    </message>
    <message>
        <source>item</source>
        <translation>elemento</translation>
    </message>
    <message>
        <source>case summary PDF saved to</source>
        <translation>resumen del caso en PDF guardado en</translation>
    </message>
    <message>
        <source>checklist PDF saved to</source>
        <translation>lista de verificación en PDF guardada en</translation>
    </message>
    <message>
        <source>handout PDF saved to</source>
        <translation>hoja informativa en PDF guardada en</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>hoja informativa</translation>
    </message>
    <message>
        <source>hearing docket saved to</source>
        <translation>lista de audiencias guardada en</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>hearings</source>
        <translation>audiencias</translation>
    </message>
    <message>
        <source>exported to</source>
        <translation>exportado a</translation>
    </message>
    <message>
        <source>recovery kit saved to</source>
        <translation>kit de recuperación guardado en</translation>
    </message>
    <message>
        <source>packet saved to</source>
        <translation>paquete guardado en</translation>
    </message>
    <message>
        <source>packet parts</source>
        <translation>partes del paquete</translation>
    </message>
    <message>
        <source>packet pages</source>
        <translation>páginas del paquete</translation>
    </message>
    <message>
        <source>files left out of the packet</source>
        <translation>archivos que quedaron fuera del paquete</translation>
    </message>
    <message>
        <source>packet pages put in as pictures of their source</source>
        <translation>páginas del paquete incluidas como imágenes de su original</translation>
    </message>
    <message>
        <source>backup file</source>
        <translation>archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>entrada de auditoría</translation>
    </message>
    <message>
        <source>file checksum</source>
        <translation>suma de verificación del archivo</translation>
    </message>
    <message>
        <source>rows imported</source>
        <translation>filas importadas</translation>
    </message>
    <message>
        <source>rows rejected</source>
        <translation>filas rechazadas</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>family members</source>
        <translation>familiares</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casos</translation>
    </message>
    <message>
        <source>clinic name</source>
        <translation>nombre de la clínica</translation>
    </message>
    <message>
        <source>letterhead</source>
        <translation>membrete</translation>
    </message>
    <message>
        <source>lock after minutes</source>
        <translation>bloquear tras minutos</translation>
    </message>
    <message>
        <source>backup folder</source>
        <translation>carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>backups kept</source>
        <translation>copias de seguridad conservadas</translation>
    </message>
    <message>
        <source>default time zone</source>
        <translation>zona horaria predeterminada</translation>
    </message>
    <message>
        <source>deadline rule days</source>
        <translation>días de las reglas de plazos</translation>
    </message>
    <message>
        <source>court closure days</source>
        <translation>días de cierre del tribunal</translation>
    </message>
    <message>
        <source>handout layout</source>
        <translation>diseño de las hojas informativas</translation>
    </message>
    <message>
        <source>packet settings</source>
        <translation>opciones del paquete</translation>
    </message>
    <message>
        <source>role</source>
        <translation>función</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>added {0}</source>
        <translation>Agregado: {0}</translation>
    </message>
    <message>
        <source>changed {0}</source>
        <translation>Modificado: {0}</translation>
    </message>
    <message>
        <source>removed {0}</source>
        <translation>Eliminado: {0}</translation>
    </message>
    <message>
        <source>exported {0}</source>
        <translation>Exportado: {0}</translation>
    </message>
    <message>
        <source>imported {0}</source>
        <translation>Importado: {0}</translation>
    </message>
    <message>
        <source>moved {0}</source>
        <translation>Movido: {0}</translation>
    </message>
    <message>
        <source>referred {0}</source>
        <translation>Remitido: {0}</translation>
    </message>
    <message>
        <source>family member</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>client address</source>
        <translation>dirección del cliente</translation>
    </message>
    <message>
        <source>adverse party</source>
        <translation>parte contraria</translation>
    </message>
    <message>
        <source>hearing</source>
        <translation>audiencia</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>plazo</translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation>archivo de prueba</translation>
    </message>
    <message>
        <source>checklist item</source>
        <translation>elemento de la lista de verificación</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>configuración</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>copia de seguridad</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Caso abierto</translation>
    </message>
    <message>
        <source>Case opened (imported from a spreadsheet)</source>
        <translation>Caso abierto (importado de una hoja de cálculo)</translation>
    </message>
    <message>
        <source>1 deadline added</source>
        <translation>1 plazo agregado</translation>
    </message>
    <message>
        <source>{0} deadlines added</source>
        <translation>{0} plazos agregados</translation>
    </message>
    <message>
        <source>1 deadline changed</source>
        <translation>1 plazo modificado</translation>
    </message>
    <message>
        <source>{0} deadlines changed</source>
        <translation>{0} plazos modificados</translation>
    </message>
    <message>
        <source>1 deadline removed</source>
        <translation>1 plazo eliminado</translation>
    </message>
    <message>
        <source>{0} deadlines removed</source>
        <translation>{0} plazos eliminados</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>deadlines recomputed: {0}</source>
        <translation>Plazos recalculados: {0}</translation>
    </message>
    <message>
        <source>accepted an older copy of the records as current (recorded changes lost: {0})</source>
        <translation>Copia anterior de los registros aceptada como la actual (cambios registrados perdidos: {0})</translation>
    </message>
    <message>
        <source>restored the records from the backup made {0}</source>
        <translation>Registros restaurados desde la copia de seguridad hecha el {0}</translation>
    </message>
    <message>
        <source>the record of the last save kept outside the data folder was missing when the records were opened (recorded as a warning)</source>
        <translation>Faltaba el registro del último guardado que se conserva fuera de la carpeta de datos al abrir los registros (anotado como advertencia)</translation>
    </message>
    <message>
        <source>confirmed not the same person as client #{0} ({1}% match)</source>
        <translation>confirmó que no es la misma persona que el cliente n.º {0} (coincidencia del {1} %)</translation>
    </message>
    <message>
        <source>recorded case date: {0}</source>
        <translation>Fecha del caso registrada: {0}</translation>
    </message>
</context>
<context>
    <name>CaseListExporter</name>
    <message>
        <source>The case list is NOT encrypted: it holds client names and A-numbers. Save it only on an encrypted drive and delete stray copies. The export is recorded in the audit log.</source>
        <translation>La lista de casos NO está cifrada: contiene nombres de clientes y números A. Guárdela solo en una unidad cifrada y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation>Exportar la lista de casos</translation>
    </message>
    <message>
        <source>CSV, for any spreadsheet (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV, para cualquier hoja de cálculo (*.csv);;Libro de Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n case(s) to {0}.</source>
        <translation>
            <numerusform>Se guardó %n caso en {0}.</numerusform>
            <numerusform>Se guardaron %n casos en {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Case details</source>
        <translation>Datos del caso</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Relief sought</source>
        <translation>Protección solicitada</translation>
    </message>
    <message>
        <source>Protected grounds</source>
        <translation>Motivos protegidos</translation>
    </message>
    <message>
        <source>Definition of the &amp;particular social group</source>
        <translation>Definición de determinado &amp;grupo social</translation>
    </message>
    <message>
        <source>Definition of the particular social group</source>
        <translation>Definición de determinado grupo social</translation>
    </message>
    <message>
        <source>e.g. Honduran women who have left a domestic relationship</source>
        <translation>p. ej., mujeres hondureñas que han dejado una relación de pareja</translation>
    </message>
    <message>
        <source>Forum and team</source>
        <translation>Tribunal u oficina y equipo</translation>
    </message>
    <message>
        <source>Immigration judge, if known</source>
        <translation>Juez de inmigración, si se conoce</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation>&amp;Juez</translation>
    </message>
    <message>
        <source>Pa&amp;ralegal</source>
        <translation>Asistente &amp;legal</translation>
    </message>
    <message>
        <source>A&amp;ttorney</source>
        <translation>A&amp;bogado(a)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The client is &amp;detained</source>
        <translation>El cliente está &amp;detenido</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Presentado el</translation>
    </message>
    <message>
        <source>e.g. ZLA2512345678</source>
        <translation>p. ej., ZLA2512345678</translation>
    </message>
    <message>
        <source>&amp;Filed on</source>
        <translation>&amp;Presentado el</translation>
    </message>
    <message>
        <source>Receipt n&amp;umber</source>
        <translation>Número de &amp;recibo</translation>
    </message>
    <message>
        <source>Add staff in Settings → Staff; assign them later.</source>
        <translation>Agregue al personal en Configuración → Personal; asígnelo después.</translation>
    </message>
    <message>
        <source>No attorneys yet (Settings → Staff)</source>
        <translation>Aún no hay abogados (Configuración → Personal)</translation>
    </message>
    <message>
        <source>No paralegals yet (Settings → Staff)</source>
        <translation>Aún no hay asistentes legales (Configuración → Personal)</translation>
    </message>
    <message>
        <source>Immigration &amp;court</source>
        <translation>&amp;Tribunal de inmigración</translation>
    </message>
    <message>
        <source>e.g. Houston Immigration Court</source>
        <translation>p. ej., Tribunal de Inmigración de Houston</translation>
    </message>
    <message>
        <source>Asylum &amp;office</source>
        <translation>&amp;Oficina de asilo</translation>
    </message>
    <message>
        <source>e.g. Houston Asylum Office</source>
        <translation>p. ej., Oficina de Asilo de Houston</translation>
    </message>
    <message>
        <source>Choose affirmative or defensive.</source>
        <translation>Elija afirmativo o defensivo.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Next hearing</source>
        <translation>Próxima audiencia</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Próximo plazo</translation>
    </message>
    <message>
        <source>Paralegal</source>
        <translation>Asistente legal</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>%1 (not valid)</source>
        <translation>%1 (no válido)</translation>
    </message>
    <message>
        <source>  (detained)</source>
        <translation>  (detenido/a)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Last arrival</source>
        <translation>Última llegada</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>I-589 received</source>
        <translation>I-589 recibido</translation>
    </message>
    <message>
        <source>Address change</source>
        <translation>Cambio de dirección</translation>
    </message>
    <message>
        <source>Date the judge ordered</source>
        <translation>Fecha que ordenó el juez</translation>
    </message>
    <message>
        <source>Family member&apos;s last arrival</source>
        <translation>Última llegada del familiar</translation>
    </message>
    <message>
        <source>End of a lawful status, TPS or parole</source>
        <translation>Fin de un estatus legal, TPS o parole</translation>
    </message>
    <message>
        <source>End of a family member&apos;s lawful status, TPS or parole</source>
        <translation>Fin del estatus legal, TPS o parole de un familiar</translation>
    </message>
    <message>
        <source>FOIA request received by the agency (response extended)</source>
        <translation>Solicitud FOIA recibida por la agencia (respuesta prorrogada)</translation>
    </message>
    <message>
        <source>The arrival was on 29 February; the year was counted to 28 February. Attorney review needed.</source>
        <translation>La llegada fue un 29 de febrero; el año se contó hasta el 28 de febrero. Requiere la revisión de un abogado o una abogada.</translation>
    </message>
    <message>
        <source>The date counted from was 29 February; the count ended on 28 February. Attorney review needed.</source>
        <translation>La fecha de partida fue un 29 de febrero; el conteo terminó el 28 de febrero. Requiere la revisión de un abogado o una abogada.</translation>
    </message>
    <message>
        <source>The count landed past the end of a month and was moved to that month&apos;s last day.</source>
        <translation>El conteo cayó después del fin de un mes y se pasó al último día de ese mes.</translation>
    </message>
    <message>
        <source>This rule has not been verified against its source.</source>
        <translation>Esta regla no se ha verificado con su fuente.</translation>
    </message>
    <message>
        <source>Moving to the next business day would reach the hearing itself, so the earlier business day is used.</source>
        <translation>Pasar al siguiente día hábil llegaría al día de la audiencia, así que se usa el día hábil anterior.</translation>
    </message>
    <message>
        <source>The asylum clock is stopped: record its restart under Record a case date to compute this date.</source>
        <translation>El reloj de asilo está detenido: registre su reanudación en Registrar una fecha del caso para calcular esta fecha.</translation>
    </message>
    <message>
        <source>Detained case: the court sets this date. Enter the judge&apos;s date as a judge-ordered deadline.</source>
        <translation>Caso con detención: el tribunal fija esta fecha. Ingrese la fecha del juez como plazo ordenado por el juez.</translation>
    </message>
    <message>
        <source>whether the client is detained</source>
        <translation>si el cliente está detenido</translation>
    </message>
    <message>
        <source>whether the client came as an unaccompanied child</source>
        <translation>si el cliente llegó como menor no acompañado</translation>
    </message>
    <message>
        <source>the claim type</source>
        <translation>el tipo de solicitud</translation>
    </message>
    <message>
        <source>the forum</source>
        <translation>el tribunal u oficina</translation>
    </message>
    <message>
        <source>the case stage</source>
        <translation>la etapa del caso</translation>
    </message>
    <message>
        <source>the relief sought</source>
        <translation>la protección solicitada</translation>
    </message>
    <message>
        <source>the voluntary departure period in days</source>
        <translation>el plazo de salida voluntaria en días</translation>
    </message>
    <message>
        <source>the days the asylum clock was stopped</source>
        <translation>los días en que se detuvo el reloj de asilo</translation>
    </message>
    <message>
        <source>the I-589&apos;s receipt</source>
        <translation>la recepción del I-589</translation>
    </message>
    <message>
        <source>the judge&apos;s denial</source>
        <translation>la denegación del juez</translation>
    </message>
    <message>
        <source>the asylum office&apos;s denial</source>
        <translation>la denegación de la oficina de asilo</translation>
    </message>
    <message>
        <source>the petition for review</source>
        <translation>la petición de revisión</translation>
    </message>
    <message>
        <source>the recommended approval</source>
        <translation>la aprobación recomendada</translation>
    </message>
    <message>
        <source>the agency&apos;s FOIA response</source>
        <translation>la respuesta FOIA de la agencia</translation>
    </message>
    <message>
        <source>the interview notice</source>
        <translation>el aviso de entrevista</translation>
    </message>
    <message>
        <source>the motion for a stay of removal</source>
        <translation>la moción de paralización de la expulsión</translation>
    </message>
    <message>
        <source>the alien registration</source>
        <translation>el registro de extranjeros</translation>
    </message>
    <message>
        <source>the registration after turning 14</source>
        <translation>el registro después de cumplir 14 años</translation>
    </message>
    <message>
        <source>the judge&apos;s response date</source>
        <translation>la fecha de respuesta fijada por el juez</translation>
    </message>
    <message>
        <source>the I-589&apos;s rejection</source>
        <translation>el rechazo del I-589</translation>
    </message>
    <message>
        <source>the person&apos;s own I-589</source>
        <translation>el propio I-589 de la persona</translation>
    </message>
    <message>
        <source>nonimmigrant status</source>
        <translation>el estatus de no inmigrante</translation>
    </message>
    <message>
        <source>immigrant status</source>
        <translation>el estatus de inmigrante</translation>
    </message>
    <message>
        <source>TPS</source>
        <translation>el TPS</translation>
    </message>
    <message>
        <source>Changed circumstances</source>
        <translation>El cambio de circunstancias</translation>
    </message>
    <message>
        <source>Extraordinary circumstances</source>
        <translation>Las circunstancias extraordinarias</translation>
    </message>
    <message>
        <source>A circumstance (changed or extraordinary: not recorded)</source>
        <translation>Una circunstancia (cambio de circunstancias o circunstancias extraordinarias: no registrado)</translation>
    </message>
    <message>
        <source>parole</source>
        <translation>el permiso de permanencia temporal (parole)</translation>
    </message>
    <message>
        <source>A court closure ({0}) falls in this period and does not extend it.</source>
        <translation>Un cierre del tribunal ({0}) cae en este período y no lo prorroga.</translation>
    </message>
    <message>
        <source>Missing information needed for this date: {0}.</source>
        <translation>Falta un dato necesario para esta fecha: {0}.</translation>
    </message>
    <message>
        <source>Information this date counts from looks wrong: {0}.</source>
        <translation>Un dato desde el que se cuenta esta fecha parece incorrecto: {0}.</translation>
    </message>
    <message>
        <source>Whether this rule applies depends on {0}, which is not recorded.</source>
        <translation>Que esta regla se aplique depende de {0}, que no está registrado.</translation>
    </message>
    <message>
        <source>Met: {0} came on or before this date.</source>
        <translation>Cumplido: {0} fue en esta fecha o antes.</translation>
    </message>
    <message>
        <source>Late: {0} came after this date; an exception must be shown.</source>
        <translation>Tardío: {0} fue después de esta fecha; hay que demostrar una excepción.</translation>
    </message>
    <message>
        <source>No longer applies: {0} came first.</source>
        <translation>Ya no corresponde: {0} fue antes.</translation>
    </message>
    <message>
        <source>Brought forward to the date of {0}.</source>
        <translation>Adelantado a la fecha de {0}.</translation>
    </message>
    <message>
        <source>Settled: {0} is recorded; no follow-up is due.</source>
        <translation>Resuelto: consta {0}; no hace falta seguimiento.</translation>
    </message>
    <message>
        <source>{0} recorded as the one-year exception: the I-589 must still be filed within a reasonable period (8 CFR 208.4(a)(4)-(5)). The attorney decides whether it applies.</source>
        <translation>{0}: registrado como excepción al plazo de un año; el I-589 debe presentarse igualmente en un período razonable (8 CFR 208.4(a)(4)-(5)). Lo decide el abogado o la abogada.</translation>
    </message>
    <message>
        <source>{0} was held on this date: the extraordinary-circumstances exception may apply if the I-589 is filed within a reasonable period after it ends (8 CFR 208.4(a)(5)(iv)). The attorney decides.</source>
        <translation>En esta fecha estaba vigente {0}: la excepción por circunstancias extraordinarias puede aplicarse si el I-589 se presenta en un período razonable después de que termine (8 CFR 208.4(a)(5)(iv)). Lo decide el abogado o la abogada.</translation>
    </message>
    <message>
        <source>No A-number</source>
        <translation>Sin número A</translation>
    </message>
    <message>
        <source>%1 (not valid)</source>
        <translation>%1 (no válido)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ticked by staff</source>
        <translation>Marcado por el personal</translation>
    </message>
    <message>
        <source>From case data</source>
        <translation>De los datos del caso</translation>
    </message>
    <message>
        <source>Not ticked</source>
        <translation>Sin marcar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Known from</source>
        <translation>Se sabe por</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>⚠ verify with your attorney</source>
        <translation>⚠ verifique con su abogado o abogada</translation>
    </message>
    <message>
        <source>Set by the court</source>
        <translation>Lo fija el tribunal</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Anexo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>In the US</source>
        <translation>En EE. UU.</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juez</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Opened at {0} ({1})</source>
        <translation>Abierto en {0} ({1})</translation>
    </message>
    <message>
        <source>⚖ Referred to court: {0}, now {1}</source>
        <translation>⚖ Remitido al tribunal: {0}, ahora {1}</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Marked derivative, but only a spouse or child can be one (INA 208(b)(3)(A))</source>
        <translation>Marcado como derivado, pero solo un cónyuge o un hijo o una hija puede serlo (INA 208(b)(3)(A))</translation>
    </message>
    <message>
        <source>Was 21 or older when the principal&apos;s I-589 was received: not covered as a child (INA 208(b)(3)(B))</source>
        <translation>Tenía 21 años o más cuando se recibió el I-589 del solicitante principal: no está cubierto como hijo o hija (INA 208(b)(3)(B))</translation>
    </message>
    <message>
        <source>21 or older today and the principal&apos;s I-589 is not filed: may not be covered as a child</source>
        <translation>Tiene 21 años o más y el I-589 del solicitante principal no se ha presentado: puede no estar cubierto como hijo o hija</translation>
    </message>
    <message>
        <source>A derivative is covered for asylum only; withholding and CAT need their own</source>
        <translation>Un derivado está cubierto solo para el asilo; la suspensión de la expulsión (withholding) y la CAT requieren su propia solicitud</translation>
    </message>
    <message>
        <source>Neither a derivative nor filing their own I-589</source>
        <translation>Ni derivado ni presenta su propio I-589</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entró</translation>
    </message>
    <message>
        <source>Place or port</source>
        <translation>Lugar o puerto</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Status at entry</source>
        <translation>Estatus al entrar</translation>
    </message>
    <message>
        <source>Status expires</source>
        <translation>Vence el estatus</translation>
    </message>
    <message>
        <source>I-94</source>
        <translation>I-94</translation>
    </message>
    <message>
        <source>Kind of status</source>
        <translation>Tipo de estatus</translation>
    </message>
    <message>
        <source>Class or country</source>
        <translation>Clase o país</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>still held (no end recorded)</source>
        <translation>aún vigente (sin fecha de fin registrada)</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Own I-589 received</source>
        <translation>Propio I-589 recibido</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Última entrada</translation>
    </message>
    <message>
        <source>To look at</source>
        <translation>Para revisar</translation>
    </message>
    <message>
        <source>Own I-589 and derivative</source>
        <translation>Propio I-589 y derivado</translation>
    </message>
    <message>
        <source>Own I-589</source>
        <translation>Propio I-589</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Ninguno</translation>
    </message>
</context>
<context>
    <name>CaseViewPage</name>
    <message>
        <source>Parts of the case</source>
        <translation>Partes del caso</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Client &amp;&amp; family</source>
        <translation>&amp;Cliente y familia</translation>
    </message>
    <message>
        <source>Entries &amp;&amp; &amp;status</source>
        <translation>&amp;Entradas y estatus</translation>
    </message>
    <message>
        <source>I-58&amp;9</source>
        <translation>I-58&amp;9</translation>
    </message>
    <message>
        <source>&amp;Hearings</source>
        <translation>A&amp;udiencias</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>&amp;Plazos</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>Prue&amp;bas</translation>
    </message>
    <message>
        <source>E&amp;xhibits</source>
        <translation>&amp;Anexos</translation>
    </message>
    <message>
        <source>Chec&amp;klist</source>
        <translation>&amp;Lista de verificación</translation>
    </message>
    <message>
        <source>&amp;Notes &amp;&amp; history</source>
        <translation>&amp;Notas e historial</translation>
    </message>
    <message>
        <source>Open a case from Cases or Today to see it here.</source>
        <translation>Abra un caso desde Casos u Hoy para verlo aquí.</translation>
    </message>
    <message>
        <source>a value Clinic does not know</source>
        <translation>un valor que Clinic no conoce</translation>
    </message>
    <message>
        <source>This case cannot be shown: some of its stored values are not valid, so Clinic cannot read them (%1). They may come from an older version of Clinic or from editing the records by hand. Nothing was changed. &apos;clinic doctor&apos; lists every such value by record and field; restore a backup from before the change, or ask whoever supports Clinic at the clinic to correct them.</source>
        <translation>Este caso no se puede mostrar: algunos de sus valores guardados no son válidos y Clinic no puede leerlos (%1). Pueden venir de una versión anterior de Clinic o de una edición manual de los registros. No se cambió nada. &apos;clinic doctor&apos; enumera cada uno de esos valores por registro y campo; restaure una copia de seguridad de antes del cambio, o pida a quien da soporte a Clinic en la clínica que los corrija.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search cases</source>
        <translation>Buscar casos</translation>
    </message>
    <message>
        <source>Search by name, alias, A-number or receipt number (Ctrl+F)</source>
        <translation>Buscar por nombre, alias, número A o número de recibo (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Claim type</source>
        <translation>Tipo de solicitud</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Paralegal</source>
        <translation>Asistente legal</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Not detained</source>
        <translation>No detenido</translation>
    </message>
    <message>
        <source>Show closed cases</source>
        <translation>Mostrar casos cerrados</translation>
    </message>
    <message>
        <source>E&amp;xport list…</source>
        <translation>E&amp;xportar lista…</translation>
    </message>
    <message>
        <source>Export the case list as shown</source>
        <translation>Exportar la lista de casos tal como se ve</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>Detención</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n case(s)</source>
        <translation>
            <numerusform>Más de %n caso</numerusform>
            <numerusform>Más de %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches “%1”. Check the spelling, or search by A-number.</source>
        <translation>Ningún caso coincide con «%1». Revise la ortografía o busque por número A.</translation>
    </message>
    <message>
        <source>No cases to show. New intake (Ctrl+N) adds a client and a case.</source>
        <translation>No hay casos que mostrar. Nuevo cliente (Ctrl+N) agrega un cliente y un caso.</translation>
    </message>
</context>
<context>
    <name>ChangeHearingDialog</name>
    <message>
        <source>Change the hearing</source>
        <translation>Cambiar la audiencia</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Checklist template</source>
        <translation>Plantilla de lista</translation>
    </message>
    <message>
        <source>Checklist summary</source>
        <translation>Resumen de la lista</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Puntos de la lista</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Reason it does not apply</source>
        <translation>Motivo por el que no corresponde</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <source>Clear tick</source>
        <translation>Quitar marca</translation>
    </message>
    <message>
        <source>Back to what the case data says (or missing)</source>
        <translation>Volver a lo que dicen los datos del caso (o falta)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Checklist message</source>
        <translation>Mensaje de la lista</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Lista:</translation>
    </message>
    <message>
        <source>No checklist template applies to this case.</source>
        <translation>Ninguna plantilla de lista de verificación se aplica a este caso.</translation>
    </message>
    <message>
        <source>{0} items apply: {1} done, {2} not applicable, {3} missing. Rules as of {4}.</source>
        <translation>Corresponden {0} puntos. Hechos: {1}; no corresponden: {2}; faltan: {3}. Reglas vigentes al {4}.</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (predeterminado)</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
    <message>
        <source>Say why the item does not apply to this case.</source>
        <translation>Explique por qué este punto no corresponde a este caso.</translation>
    </message>
    <message>
        <source>The checklist PDF is NOT encrypted: it names the client and the case. Save it only on an encrypted drive or print it, and delete stray copies. The export is recorded in the audit log.</source>
        <translation>El PDF de la lista NO está cifrado: nombra al cliente y el caso. Guárdelo solo en una unidad cifrada o imprímalo, y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the checklist PDF</source>
        <translation>Guardar el PDF de la lista</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Only the family name is required. Leave what you do not know empty; dates stay “not set” until you type one.</source>
        <translation>Solo el apellido es obligatorio. Deje vacío lo que no sepa; las fechas quedan «sin fijar» hasta que escriba una.</translation>
    </message>
    <message>
        <source>Client details</source>
        <translation>Datos del cliente</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Other names and aliases</source>
        <translation>Otros nombres y alias</translation>
    </message>
    <message>
        <source>Alias or other spelling</source>
        <translation>Alias u otra ortografía</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>&amp;Family name(s)</source>
        <translation>A&amp;pellido(s)</translation>
    </message>
    <message>
        <source>&amp;Given name(s)</source>
        <translation>&amp;Nombre(s)</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <source>Identity and language</source>
        <translation>Identidad e idioma</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Nationalities</source>
        <translation>Nacionalidades</translation>
    </message>
    <message>
        <source>Country name or code</source>
        <translation>Nombre o código del país</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Language name or code</source>
        <translation>Nombre o código del idioma</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>&amp;A-number</source>
        <translation>Número &amp;A</translation>
    </message>
    <message>
        <source>Date of bi&amp;rth</source>
        <translation>Fecha de naci&amp;miento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Nationalit&amp;ies</source>
        <translation>Naci&amp;onalidades</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Idiomas</translation>
    </message>
    <message>
        <source>Contact and address</source>
        <translation>Contacto y dirección</translation>
    </message>
    <message>
        <source>Street and number, apartment</source>
        <translation>Calle y número, apartamento</translation>
    </message>
    <message>
        <source>Moved in on</source>
        <translation>Se mudó el</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Telé&amp;fono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Street address</source>
        <translation>Di&amp;rección</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Arrival and custody</source>
        <translation>Llegada y custodia</translation>
    </message>
    <message>
        <source>Last arrival date</source>
        <translation>Fecha de la última llegada</translation>
    </message>
    <message>
        <source>e.g. Hidalgo, TX</source>
        <translation>p. ej., Hidalgo, TX</translation>
    </message>
    <message>
        <source>Arrived as an unaccompanied child</source>
        <translation>Llegó como menor no acompañado</translation>
    </message>
    <message>
        <source>Last arri&amp;val</source>
        <translation>Última &amp;llegada</translation>
    </message>
    <message>
        <source>Arrival place</source>
        <translation>Lugar de llegada</translation>
    </message>
    <message>
        <source>How they entered</source>
        <translation>Cómo ingresó</translation>
    </message>
    <message>
        <source>&amp;Detention</source>
        <translation>&amp;Detención</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Centro</translation>
    </message>
</context>
<context>
    <name>ClientTab</name>
    <message>
        <source>Family members</source>
        <translation>Familiares</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Record a move…</source>
        <translation>Registrar una mudanza…</translation>
    </message>
    <message>
        <source>Add family member…</source>
        <translation>Agregar familiar…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Born · sex</source>
        <translation>Nacimiento · sexo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Phone · e-mail</source>
        <translation>Teléfono · correo electrónico</translation>
    </message>
    <message>
        <source>Last arrival</source>
        <translation>Última llegada</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>Detención</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>date of birth not recorded</source>
        <translation>fecha de nacimiento no registrada</translation>
    </message>
    <message>
        <source>No family members recorded yet.</source>
        <translation>Todavía no se registraron familiares.</translation>
    </message>
    <message>
        <source> · needs an interpreter</source>
        <translation> · necesita intérprete</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>fecha no registrada</translation>
    </message>
    <message>
        <source>unaccompanied child</source>
        <translation>menor no acompañado</translation>
    </message>
</context>
<context>
    <name>ClinicApp</name>
    <message>
        <source>Clinic was updated</source>
        <translation>Clinic se actualizó</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
</context>
<context>
    <name>ClosureDayModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ClosureDaysEditor</name>
    <message>
        <source>Court closure days</source>
        <translation>Días de cierre del tribunal</translation>
    </message>
    <message>
        <source>Closure date</source>
        <translation>Fecha de cierre</translation>
    </message>
    <message>
        <source>Closure reason</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <source>Reason, e.g. court closed for snow</source>
        <translation>Motivo, p. ej., tribunal cerrado por nieve</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add closure day</source>
        <translation>Agregar día de cierre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove closure day</source>
        <translation>Quitar día de cierre</translation>
    </message>
    <message>
        <source>Days the court was closed (weather, emergencies, executive orders). Federal holidays are already counted.</source>
        <translation>Días en que el tribunal estuvo cerrado (clima, emergencias, órdenes ejecutivas). Los feriados federales ya se tienen en cuenta.</translation>
    </message>
    <message>
        <source>Give the reason the court was closed.</source>
        <translation>Indique el motivo del cierre del tribunal.</translation>
    </message>
    <message>
        <source>That day is already listed; remove it first to change its reason.</source>
        <translation>Ese día ya está en la lista; quítelo primero para cambiar el motivo.</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <source>Add to {field}</source>
        <translation>Agregar a {field}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected {field}</source>
        <translation>Quitar lo seleccionado: {field}</translation>
    </message>
</context>
<context>
    <name>ConflictPage</name>
    <message>
        <source>Before anything is saved, the people you entered are compared with everyone in the records: clients, their family members and adverse parties. Spelling, accents and word order are forgiven, so review each possible match.</source>
        <translation>Antes de guardar nada, las personas que ingresó se comparan con todas las de los registros: clientes, sus familiares y partes contrarias. Se toleran diferencias de ortografía, acentos y orden de las palabras, así que revise cada posible coincidencia.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Verificar de nuevo</translation>
    </message>
    <message>
        <source>Run the conflict check again</source>
        <translation>Volver a verificar conflictos</translation>
    </message>
    <message>
        <source>Possible matches</source>
        <translation>Posibles coincidencias</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>In the records as</source>
        <translation>En los registros como</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Conflict check</source>
        <translation>Verificación de conflictos</translation>
    </message>
    <message>
        <source>Checking the records…</source>
        <translation>Revisando los registros…</translation>
    </message>
    <message>
        <source>Checked: {names}</source>
        <translation>Verificados: {names}</translation>
    </message>
    <message>
        <source>A-number {number}</source>
        <translation>Número A {number}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>nacido(a) el {date}</translation>
    </message>
    <message numerus="yes">
        <source>other people entered: %n</source>
        <translation>
            <numerusform>otras personas ingresadas: %n</numerusform>
            <numerusform>otras personas ingresadas: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The conflict check could not run ({reason}). Nothing was saved.</source>
        <translation>No se pudo hacer la verificación de conflictos ({reason}). No se guardó nada.</translation>
    </message>
    <message>
        <source>No one in the records matches these people. You can save the intake.</source>
        <translation>Nadie en los registros coincide con estas personas. Puede guardar el ingreso.</translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. This intake cannot be saved:</source>
        <translation>
            <numerusform>Posibles coincidencias: %n. Este ingreso no se puede guardar:</numerusform>
            <numerusform>Posibles coincidencias: %n. Este ingreso no se puede guardar:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. The new client is most likely already a client:</source>
        <translation>
            <numerusform>Posibles coincidencias: %n. Lo más probable es que la persona ya sea cliente:</numerusform>
            <numerusform>Posibles coincidencias: %n. Lo más probable es que la persona ya sea cliente:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. Save only if none of them is the same person or a conflict of interest.</source>
        <translation>
            <numerusform>Posibles coincidencias: %n. Guarde solo si no es la misma persona ni un conflicto de intereses.</numerusform>
            <numerusform>Posibles coincidencias: %n. Guarde solo si ninguna es la misma persona ni un conflicto de intereses.</numerusform>
        </translation>
    </message>
    <message>
        <source>Most likely the same person as an existing client. Open the existing client&apos;s case (Enter) instead of saving a second record; save only if you have checked that this is a different person and tick the box saying so.</source>
        <translation>Lo más probable es que sea la misma persona que un cliente existente. Abra el caso del cliente existente (Enter) en lugar de guardar un segundo registro; guarde solo si comprobó que es otra persona y marque la casilla que lo indica.</translation>
    </message>
    <message>
        <source>Open {name}&apos;s case</source>
        <translation>Abrir el caso de {name}</translation>
    </message>
    <message>
        <source>Open the existing client {name}&apos;s case</source>
        <translation>Abrir el caso del cliente existente {name}</translation>
    </message>
    <message>
        <source>{name} has no case to open.</source>
        <translation>{name} no tiene ningún caso que abrir.</translation>
    </message>
    <message>
        <source>I checked: “{new}” is a different person, not {existing} ({score}% match)</source>
        <translation>Lo comprobé: «{new}» es otra persona, no {existing} (coincidencia del {score} %)</translation>
    </message>
    <message>
        <source>{name} is already a client with A-number {number}. A person is never saved twice: cancel and open the existing client, or go back and correct the A-number.</source>
        <translation>{name} ya es cliente con el número A {number}. Nunca se guarda dos veces a la misma persona: cancele y abra el cliente existente, o vuelva atrás y corrija el número A.</translation>
    </message>
    <message>
        <source>The new client, {name}</source>
        <translation>El cliente nuevo, {name}</translation>
    </message>
    <message>
        <source>Family member {name}</source>
        <translation>Familiar {name}</translation>
    </message>
    <message>
        <source>Adverse party {name}</source>
        <translation>Parte contraria {name}</translation>
    </message>
    <message>
        <source>Conflict check at intake: no possible match among clients, family members and adverse parties.</source>
        <translation>Verificación de conflictos en el ingreso: ninguna posible coincidencia entre clientes, familiares y partes contrarias.</translation>
    </message>
    <message numerus="yes">
        <source>Conflict check at intake: possible matches reviewed and recorded as no conflict: %n.</source>
        <translation>
            <numerusform>Verificación de conflictos en el ingreso: posible coincidencia revisada y registrada como sin conflicto: %n.</numerusform>
            <numerusform>Verificación de conflictos en el ingreso: posibles coincidencias revisadas y registradas como sin conflicto: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>{score}%</source>
        <translation>{score} %</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Changes saved by someone else</source>
        <translation>Cambios guardados por otra persona</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>Cuando usted lo abrió</translation>
    </message>
    <message>
        <source>Saved since</source>
        <translation>Guardado después</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Lo suyo (usted)</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Conservar lo de la otra persona</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Conservar lo de la otra persona</translation>
    </message>
    <message>
        <source>Save &amp;mine over theirs</source>
        <translation>Guardar lo &amp;mío encima</translation>
    </message>
    <message>
        <source>Save mine over theirs</source>
        <translation>Guardar lo mío encima</translation>
    </message>
    <message>
        <source>{0} ({1}, {2})</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>(you left it: theirs is kept)</source>
        <translation>(usted no lo cambió: se conserva lo de la otra persona)</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it (what they changed is not recorded field by field). Nothing was saved; what you typed is still below.</source>
        <translation>Otra persona guardó este registro después de que usted lo abriera (lo que cambió no consta campo por campo). No se guardó nada; lo que usted escribió sigue abajo.</translation>
    </message>
    <message>
        <source>{0} changed this record at {1}, after you opened it. Nothing was saved; what you typed is still below. Keep theirs, or save yours over theirs.</source>
        <translation>{0} cambió este registro a las {1}, después de que usted lo abriera. No se guardó nada; lo que usted escribió sigue abajo. Conserve lo de la otra persona o guarde lo suyo encima.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CourtPicker</name>
    <message>
        <source>The time zone of {court}.</source>
        <translation>La zona horaria de {court}.</translation>
    </message>
    <message>
        <source>No daylight saving time there.</source>
        <translation>Allí no hay horario de verano.</translation>
    </message>
    <message>
        <source>The clinic&apos;s default time zone (Settings): no court or office on the list.</source>
        <translation>La zona horaria predeterminada de la clínica (Configuración): ningún tribunal ni oficina de la lista.</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone: no court or office on the list, and no default time zone in Settings.</source>
        <translation>La zona horaria de esta computadora: ningún tribunal ni oficina de la lista, y ninguna zona horaria predeterminada en Configuración.</translation>
    </message>
</context>
<context>
    <name>DataFolderDialog</name>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Every record and evidence file is kept encrypted in this folder. Copy it only through Back up now; a copied folder cannot be opened without the key.</source>
        <translation>Cada registro y archivo de prueba se guarda cifrado en esta carpeta. Cópiela solo mediante «Hacer copia de seguridad ahora»; una carpeta copiada no se puede abrir sin la clave.</translation>
    </message>
    <message>
        <source>(locked)</source>
        <translation>(bloqueado)</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Mostrar en el administrador de archivos</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>{0}: pick on a calendar</source>
        <translation>{0}: elegir en un calendario</translation>
    </message>
    <message>
        <source>Pick on a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>día/mes/año</translation>
    </message>
    <message>
        <source>year-month-day</source>
        <translation>año-mes-día</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>mes/día/año</translation>
    </message>
    <message>
        <source>Type the date as {0}, e.g. {1}.</source>
        <translation>Escriba la fecha como {0}, p. ej., {1}.</translation>
    </message>
    <message>
        <source>Add the year: {0}, e.g. {1}.</source>
        <translation>Agregue el año: {0}, p. ej., {1}.</translation>
    </message>
    <message>
        <source>Type the year with four digits, e.g. {0}.</source>
        <translation>Escriba el año con cuatro dígitos, p. ej., {0}.</translation>
    </message>
    <message>
        <source>There is no such month. Type {0}, e.g. {1}.</source>
        <translation>Ese mes no existe. Escriba {0}, p. ej., {1}.</translation>
    </message>
    <message>
        <source>Type a year from {0} to {1}.</source>
        <translation>Escriba un año entre {0} y {1}.</translation>
    </message>
    <message>
        <source>Type the year in full: {0}. (Here a two-digit year means {1} to {2}.)</source>
        <translation>Escriba el año completo: {0}. (Aquí un año de dos dígitos significa del {1} al {2}.)</translation>
    </message>
    <message>
        <source>Which century? Type the year in full: {0} or {1}.</source>
        <translation>¿Qué siglo? Escriba el año completo: {0} o {1}.</translation>
    </message>
    <message>
        <source>This is not a date. Type {0}, e.g. {1}.</source>
        <translation>Esto no es una fecha. Escriba {0}, p. ej., {1}.</translation>
    </message>
    <message>
        <source>{0} {1} has only {2} days.</source>
        <translation>El mes de {0} de {1} tiene solo {2} días.</translation>
    </message>
    <message>
        <source>{0} has at most {1} days.</source>
        <translation>El mes de {0} tiene como máximo {1} días.</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <source>{0}: date</source>
        <translation>{0}: fecha</translation>
    </message>
    <message>
        <source>{0}: time</source>
        <translation>{0}: hora</translation>
    </message>
</context>
<context>
    <name>DeadlineRules</name>
    <message>
        <source>AR-11 change of address to DHS</source>
        <translation>Cambio de dirección AR-11 al DHS</translation>
    </message>
    <message>
        <source>After the grant: refugee travel document before any trip abroad; no return to the country of feared persecution (warning)</source>
        <translation>Después de la concesión: documento de viaje de refugiado antes de cualquier viaje al extranjero; no volver al país donde teme persecución (advertencia)</translation>
    </message>
    <message>
        <source>Alien registration (G-325R) unless the client already holds a registration document</source>
        <translation>Registro de extranjeros (G-325R) salvo que el cliente ya tenga un documento de registro</translation>
    </message>
    <message>
        <source>Annual asylum fee: due for another year pending (filing anniversary)</source>
        <translation>Tarifa anual de asilo: vence por otro año pendiente (aniversario de la presentación)</translation>
    </message>
    <message>
        <source>Annual asylum fee: pay by</source>
        <translation>Tarifa anual de asilo: pagar a más tardar</translation>
    </message>
    <message>
        <source>Appeal of the bond decision to the BIA</source>
        <translation>Apelación de la decisión de fianza ante la BIA</translation>
    </message>
    <message>
        <source>Asylum EAD ends after IJ denial (unless timely appeal)</source>
        <translation>El EAD de asilo termina tras la denegación del juez (salvo apelación a tiempo)</translation>
    </message>
    <message>
        <source>Asylum interview: confirm the interpreter the applicant brings</source>
        <translation>Entrevista de asilo: confirmar el intérprete que trae el solicitante</translation>
    </message>
    <message>
        <source>Asylum-only or withholding-only proceedings: what the judge can decide</source>
        <translation>Procedimiento solo de asilo o solo de suspensión de la expulsión (withholding-only): lo que el juez puede decidir</translation>
    </message>
    <message>
        <source>BIA appeal (EOIR-26) must be received</source>
        <translation>La apelación ante la BIA (EOIR-26) debe recibirse</translation>
    </message>
    <message>
        <source>Biometrics not done 30 days before the merits hearing (warning)</source>
        <translation>Datos biométricos sin tomar 30 días antes de la audiencia individual (advertencia)</translation>
    </message>
    <message>
        <source>Brief to the BIA</source>
        <translation>Escrito ante la BIA</translation>
    </message>
    <message>
        <source>Brief to the BIA (extended once)</source>
        <translation>Escrito ante la BIA (con la prórroga)</translation>
    </message>
    <message>
        <source>Changed circumstances: file within a reasonable period (warning)</source>
        <translation>Cambio de circunstancias: presentar en un período razonable (advertencia)</translation>
    </message>
    <message>
        <source>DHS automatic stay: DHS must file its bond appeal</source>
        <translation>Suspensión automática del DHS: el DHS debe presentar su apelación de fianza</translation>
    </message>
    <message>
        <source>EAD renewal: file before expiry</source>
        <translation>Renovación del EAD: presentar antes del vencimiento</translation>
    </message>
    <message>
        <source>EOIR-33 change of address or phone to the court</source>
        <translation>Cambio de dirección o teléfono EOIR-33 al tribunal</translation>
    </message>
    <message>
        <source>Earliest (c)(8) EAD application (I-765)</source>
        <translation>Primera fecha para solicitar el EAD (c)(8) (I-765)</translation>
    </message>
    <message>
        <source>Earliest (c)(8) EAD grant</source>
        <translation>Primera fecha de concesión del EAD (c)(8)</translation>
    </message>
    <message>
        <source>Earliest asylee adjustment (I-485)</source>
        <translation>Primera fecha de ajuste de estatus del asilado (I-485)</translation>
    </message>
    <message>
        <source>Earliest first master calendar hearing after NTA service</source>
        <translation>Primera audiencia preliminar posible tras la entrega de la NTA</translation>
    </message>
    <message>
        <source>FOIA: administrative appeal of the response</source>
        <translation>FOIA: apelación administrativa de la respuesta</translation>
    </message>
    <message>
        <source>FOIA: the agency&apos;s response is due</source>
        <translation>FOIA: vence la respuesta de la agencia</translation>
    </message>
    <message>
        <source>FOIA: the agency&apos;s response is due (extended for unusual circumstances)</source>
        <translation>FOIA: vence la respuesta de la agencia (prorrogada por circunstancias inusuales)</translation>
    </message>
    <message>
        <source>Family member&apos;s lawful status, TPS or parole ended: file within a reasonable period (warning)</source>
        <translation>Terminó el estatus legal, el TPS o el permiso de permanencia temporal (parole) del familiar: presentar en un período razonable (advertencia)</translation>
    </message>
    <message>
        <source>Filing before a master calendar hearing (if a ruling is requested)</source>
        <translation>Escritos antes de una audiencia preliminar (si se pide una resolución)</translation>
    </message>
    <message>
        <source>Filing before an individual (merits) hearing</source>
        <translation>Escritos antes de una audiencia individual</translation>
    </message>
    <message>
        <source>I-589 deemed complete if not returned (USCIS)</source>
        <translation>I-589 se considera completo si no se devuelve (USCIS)</translation>
    </message>
    <message>
        <source>I-589 rejected (annual asylum fee unpaid): pay and refile at once</source>
        <translation>I-589 rechazado (tarifa anual de asilo sin pagar): pague y vuelva a presentarlo de inmediato</translation>
    </message>
    <message>
        <source>I-730 follow-to-join petition for family</source>
        <translation>Petición I-730 para reunir a la familia</translation>
    </message>
    <message>
        <source>Judge&apos;s review of the negative credible-fear finding must be concluded</source>
        <translation>Debe concluir la revisión del juez de la determinación negativa de miedo creíble</translation>
    </message>
    <message>
        <source>Judge&apos;s review of the negative reasonable-fear finding</source>
        <translation>Revisión del juez de la determinación negativa de miedo razonable</translation>
    </message>
    <message>
        <source>Judge-ordered deadline</source>
        <translation>Plazo ordenado por el juez</translation>
    </message>
    <message>
        <source>Lawful status, TPS or parole ended: file within a reasonable period (warning)</source>
        <translation>Terminó el estatus legal, el TPS o el permiso de permanencia temporal (parole): presentar en un período razonable (advertencia)</translation>
    </message>
    <message>
        <source>Missed asylum interview: show good cause to the asylum office</source>
        <translation>Entrevista de asilo perdida: demostrar causa justificada ante la oficina de asilo</translation>
    </message>
    <message>
        <source>Missed biometrics appointment: ask USCIS for a new one and keep proof of good cause</source>
        <translation>Cita de datos biométricos perdida: pedir otra a USCIS y guardar prueba de la causa justificada</translation>
    </message>
    <message>
        <source>Motion to reconsider (IJ or BIA)</source>
        <translation>Moción para reconsiderar (juez o BIA)</translation>
    </message>
    <message>
        <source>Motion to reopen (IJ or BIA)</source>
        <translation>Moción para reabrir (juez o BIA)</translation>
    </message>
    <message>
        <source>Motion to reopen an in-absentia order (exceptional circumstances)</source>
        <translation>Moción para reabrir una orden de expulsión en ausencia (circunstancias excepcionales)</translation>
    </message>
    <message>
        <source>No interview notice: LIFO window closed (warning)</source>
        <translation>Sin aviso de entrevista: se cerró la ventana LIFO (advertencia)</translation>
    </message>
    <message>
        <source>One-year asylum filing deadline</source>
        <translation>Plazo de un año para pedir asilo</translation>
    </message>
    <message>
        <source>One-year asylum filing deadline of a family member filing their own I-589</source>
        <translation>Plazo de un año para pedir asilo de un familiar que presenta su propio I-589</translation>
    </message>
    <message>
        <source>One-year exception: file within a reasonable period (warning)</source>
        <translation>Excepción al plazo de un año: presentar en un período razonable (advertencia)</translation>
    </message>
    <message>
        <source>Opening brief in the court of appeals</source>
        <translation>Escrito inicial en el tribunal de apelaciones</translation>
    </message>
    <message>
        <source>Petition for review filed: ask the court of appeals for a stay of removal</source>
        <translation>Petición de revisión presentada: pida al tribunal de apelaciones la paralización de la expulsión (stay of removal)</translation>
    </message>
    <message>
        <source>Petition for review in the court of appeals</source>
        <translation>Petición de revisión ante el tribunal de apelaciones</translation>
    </message>
    <message>
        <source>Re-registration within 30 days after turning 14</source>
        <translation>Nuevo registro dentro de los 30 días después de cumplir 14 años</translation>
    </message>
    <message>
        <source>Reply to the asylum office&apos;s Notice of Intent to Deny</source>
        <translation>Responder al aviso de intención de denegar de la oficina de asilo</translation>
    </message>
    <message>
        <source>Response to an opposing filing or motion</source>
        <translation>Respuesta a un escrito o moción de la parte contraria</translation>
    </message>
    <message>
        <source>Response to the DHS motion (date set by the judge)</source>
        <translation>Respuesta a la moción del DHS (fecha fijada por el juez)</translation>
    </message>
    <message>
        <source>Response to the DHS motion to dismiss (unless the judge set a date)</source>
        <translation>Respuesta a la moción del DHS para sobreseer (salvo fecha fijada por el juez)</translation>
    </message>
    <message>
        <source>Response to the DHS motion to pretermit (unless the judge set a date)</source>
        <translation>Respuesta a la moción del DHS para desestimar sin audiencia (salvo fecha fijada por el juez)</translation>
    </message>
    <message>
        <source>Voluntary departure bond due</source>
        <translation>Vence la fianza de salida voluntaria</translation>
    </message>
    <message>
        <source>Voluntary departure: depart by</source>
        <translation>Salida voluntaria: salir a más tardar</translation>
    </message>
    <message>
        <source>Voluntary departure: proof of the bond to the BIA</source>
        <translation>Salida voluntaria: prueba de la fianza ante la BIA</translation>
    </message>
    <message>
        <source>Withholding-only: protective petition for review within 30 days of the removal order</source>
        <translation>Solo suspensión de la expulsión (withholding-only): petición de revisión preventiva dentro de los 30 días de la orden de expulsión</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Deadlines</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Waive…</source>
        <translation>Dispensar…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Add deadline…</source>
        <translation>Agregar plazo…</translation>
    </message>
    <message>
        <source>Add a manual or judge-ordered deadline</source>
        <translation>Agregar un plazo manual u ordenado por el juez</translation>
    </message>
    <message>
        <source>Record a case date…</source>
        <translation>Registrar una fecha del caso…</translation>
    </message>
    <message>
        <source>A decision, order or notice date that deadlines count from</source>
        <translation>Fecha de una decisión, orden o aviso desde la que se cuentan los plazos</translation>
    </message>
    <message>
        <source>Deadline message</source>
        <translation>Mensaje del plazo</translation>
    </message>
    <message>
        <source>No deadlines yet. They are computed from the case&apos;s dates (arrival, filing, hearings, decisions); record those, or add a manual or judge-ordered deadline.</source>
        <translation>Todavía no hay plazos. Se calculan a partir de las fechas del caso (llegada, presentación, audiencias, decisiones); regístrelas, o agregue un plazo manual u ordenado por el juez.</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Discard this intake?</source>
        <translation>¿Descartar este ingreso?</translation>
    </message>
    <message>
        <source>The client is saved, but no case was opened.</source>
        <translation>El cliente está guardado, pero no se abrió ningún caso.</translation>
    </message>
    <message>
        <source>You can open a case later from the client&apos;s record.</source>
        <translation>Puede abrir un caso más tarde desde el registro del cliente.</translation>
    </message>
    <message>
        <source>Nothing has been saved yet; what you typed will be lost.</source>
        <translation>Todavía no se guardó nada; se perderá lo que escribió.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Discard the intake</source>
        <translation>Descartar el ingreso</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>DocketDialog</name>
    <message>
        <source>Print hearing docket</source>
        <translation>Imprimir la lista de audiencias</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Paralegal</source>
        <translation>Asistente legal</translation>
    </message>
    <message>
        <source>Every paralegal</source>
        <translation>Todos los asistentes legales</translation>
    </message>
    <message>
        <source>Problem with the dates</source>
        <translation>Problema con las fechas</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the docket as a PDF</source>
        <translation>Guardar la lista de audiencias como PDF</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Paralegal:</source>
        <translation>Asistente &amp;legal:</translation>
    </message>
    <message>
        <source>Master calendar hearings, individual hearings and asylum-office interviews, by day and court, with how ready each case is.</source>
        <translation>Audiencias preliminares (master calendar), audiencias individuales y entrevistas en la oficina de asilo, por día y tribunal, con lo preparado que está cada caso.</translation>
    </message>
    <message>
        <source>The first day is after the last day; change one of them.</source>
        <translation>El primer día es posterior al último; cambie uno de los dos.</translation>
    </message>
</context>
<context>
    <name>DocketPrinter</name>
    <message>
        <source>The hearing docket PDF is NOT encrypted: it names clients and their cases. Save it only on an encrypted drive or print it, and delete stray copies. The export is recorded in the audit log.</source>
        <translation>El PDF de la lista de audiencias NO está cifrado: nombra a los clientes y sus casos. Guárdelo solo en una unidad cifrada o imprímalo, y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the hearing docket PDF</source>
        <translation>Guardar el PDF de la lista de audiencias</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Result of the import</source>
        <translation>Resultado de la importación</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Avance de la importación</translation>
    </message>
    <message>
        <source>Storing the rows…</source>
        <translation>Guardando las filas…</translation>
    </message>
    <message>
        <source>Imported {rows} rows: {clients} clients, {family} family members, {cases} cases, {hearings} hearings. The import is recorded in the audit trail as one import.</source>
        <translation>Se importaron {rows} filas: {clients} clientes, {family} familiares, {cases} casos, {hearings} audiencias. La importación queda anotada en el registro de auditoría como una sola importación.</translation>
    </message>
    <message>
        <source>Nothing was stored.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>The import failed and nothing was stored: {reason}</source>
        <translation>La importación falló y no se guardó nada: {reason}</translation>
    </message>
</context>
<context>
    <name>EditClientDialog</name>
    <message>
        <source>Edit client</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido(s)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Other names, aliases</source>
        <translation>Otros nombres, alias</translation>
    </message>
    <message>
        <source>Separate names with ;</source>
        <translation>Separe los nombres con ;</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Nationalities</source>
        <translation>Nacionalidades</translation>
    </message>
    <message>
        <source>Country codes, e.g. HN, GT</source>
        <translation>Códigos de país, p. ej., HN, GT</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Language codes, e.g. es, quc</source>
        <translation>Códigos de idioma, p. ej., es, quc</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Last arrival</source>
        <translation>Última llegada</translation>
    </message>
    <message>
        <source>Place of arrival</source>
        <translation>Lugar de llegada</translation>
    </message>
    <message>
        <source>Manner of arrival</source>
        <translation>Forma de llegada</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>Detención</translation>
    </message>
    <message>
        <source>Detention facility</source>
        <translation>Centro de detención</translation>
    </message>
    <message>
        <source>Unaccompanied child</source>
        <translation>Menor no acompañado</translation>
    </message>
    <message>
        <source>Arrived as an unaccompanied child</source>
        <translation>Llegó como menor no acompañado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Record an entry into the United States</source>
        <translation>Registrar una entrada a los Estados Unidos</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Date of entry</source>
        <translation>Fecha de entrada</translation>
    </message>
    <message>
        <source>Place or port of entry</source>
        <translation>Lugar o puerto de entrada</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Status at entry (e.g. B-2, F-1, parole, EWI)</source>
        <translation>Estatus al entrar (p. ej., B-2, F-1, parole, EWI)</translation>
    </message>
    <message>
        <source>Date that status expires</source>
        <translation>Fecha en que vence ese estatus</translation>
    </message>
    <message>
        <source>I-94 number</source>
        <translation>Número de I-94</translation>
    </message>
</context>
<context>
    <name>EvidenceFilesPanel</name>
    <message>
        <source>Files of the selected item</source>
        <translation>Archivos de la prueba seleccionada</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Adjuntar archivos…</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Exportar una copia…</translation>
    </message>
    <message>
        <source>Attaching files</source>
        <translation>Adjuntando archivos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <source>Drop files on this tab to attach them to the selected item.</source>
        <translation>Suelte archivos en esta pestaña para adjuntarlos a la prueba seleccionada.</translation>
    </message>
    <message>
        <source>Select a file to preview it.</source>
        <translation>Seleccione un archivo para verlo.</translation>
    </message>
    <message>
        <source>No preview for this kind of file. Use “Export a copy…” to open it elsewhere.</source>
        <translation>No hay vista previa para este tipo de archivo. Use «Exportar una copia…» para abrirlo en otro programa.</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>Descifrando…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>No se puede mostrar esta imagen.</translation>
    </message>
    <message>
        <source>Only files can be attached, not folders.</source>
        <translation>Solo se pueden adjuntar archivos, no carpetas.</translation>
    </message>
    <message numerus="yes">
        <source>Encrypting %n file(s)…</source>
        <translation>
            <numerusform>Cifrando %n archivo…</numerusform>
            <numerusform>Cifrando %n archivos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attached %n file(s), encrypted.</source>
        <translation>
            <numerusform>Se adjuntó %n archivo, cifrado.</numerusform>
            <numerusform>Se adjuntaron %n archivos, cifrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not attach {0}: {1}</source>
        <translation>No se pudo adjuntar {0}: {1}</translation>
    </message>
    <message>
        <source>Export an unencrypted copy?</source>
        <translation>¿Exportar una copia sin cifrar?</translation>
    </message>
    <message>
        <source>The exported copy is NOT encrypted. Anyone who can open the folder you choose can read it. Save it only on an encrypted drive, and delete it when you are done. The export is recorded in the audit log.</source>
        <translation>La copia exportada NO está cifrada. Cualquiera que pueda abrir la carpeta que elija podrá leerla. Guárdela solo en una unidad cifrada y bórrela cuando termine. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Export a copy</source>
        <translation>Exportar una copia</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Exported an unencrypted copy to {0}.</source>
        <translation>Se exportó una copia sin cifrar a {0}.</translation>
    </message>
    <message>
        <source>A file with that name already exists there; choose another name.</source>
        <translation>Ya existe un archivo con ese nombre allí; elija otro nombre.</translation>
    </message>
    <message>
        <source>That did not work: {0}</source>
        <translation>No funcionó: {0}</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Agregar prueba…</translation>
    </message>
    <message>
        <source>No evidence yet. Add an item, or drop scans and photos here to start one.</source>
        <translation>Todavía no hay pruebas. Agregue una, o suelte aquí escaneos y fotos para empezar una.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
</context>
<context>
    <name>ExhibitList</name>
    <message>
        <source>Exhibit {0}</source>
        <translation>Anexo {0}</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Fuera del paquete</translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExhibitsTab</name>
    <message>
        <source>Exhibits in packet order</source>
        <translation>Anexos en el orden del paquete</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>&amp;Build packet…</source>
        <translation>Ar&amp;mar paquete…</translation>
    </message>
    <message>
        <source>Evidence items with files become exhibits. Drag them into order, untick one to leave it out of the packet.</source>
        <translation>Las pruebas con archivos se convierten en anexos. Arrástrelas para ordenarlas; desmarque una para dejarla fuera del paquete.</translation>
    </message>
    <message>
        <source>The exhibit order was not saved</source>
        <translation>No se guardó el orden de las pruebas</translation>
    </message>
</context>
<context>
    <name>FamilyMemberForm</name>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>e.g. A-123-456-789</source>
        <translation>p. ej., A-123-456-789</translation>
    </message>
    <message>
        <source>In the US</source>
        <translation>En EE. UU.</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <source>Included in the client&apos;s asylum application</source>
        <translation>Incluido en la solicitud de asilo del cliente</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Family name(s)</source>
        <translation>Apellido(s)</translation>
    </message>
    <message>
        <source>Given name(s)</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Family member {number}</source>
        <translation>Familiar {number}</translation>
    </message>
    <message>
        <source>Remove this family member</source>
        <translation>Quitar este familiar</translation>
    </message>
    <message>
        <source>{member}: pick the date of birth on a calendar</source>
        <translation>{member}: elegir la fecha de nacimiento en un calendario</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <source>A spouse and unmarried children under 21 can be derivatives on the asylum application. Everyone listed here is also checked for conflicts.</source>
        <translation>El cónyuge y los hijos solteros menores de 21 años pueden ser derivados en la solicitud de asilo. También se verifican conflictos con todas las personas de esta lista.</translation>
    </message>
    <message>
        <source>&amp;Add family member</source>
        <translation>&amp;Agregar familiar</translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation>Agregar familiar</translation>
    </message>
    <message>
        <source>No family members yet.</source>
        <translation>Todavía no hay familiares.</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Familiares</translation>
    </message>
    <message>
        <source>Family and adverse parties</source>
        <translation>Familia y partes contrarias</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Adverse parties</source>
        <translation>Partes contrarias</translation>
    </message>
    <message>
        <source>People or groups the client fears or opposes (for example the persecutor or an abusive former partner). The clinic must not also represent them.</source>
        <translation>Personas o grupos a los que el cliente teme o se opone (por ejemplo, el perseguidor o una expareja abusiva). La clínica no puede representarlos también a ellos.</translation>
    </message>
    <message>
        <source>Name of a person or group</source>
        <translation>Nombre de una persona o grupo</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>&amp;Add another family member</source>
        <translation>&amp;Agregar otro familiar</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>Elija la hoja de cálculo</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file with one row per person (see the import format guide). Nothing is stored until the last step.</source>
        <translation>Un archivo .csv o .xlsx con una fila por persona (vea la guía del formato de importación). No se guarda nada hasta el último paso.</translation>
    </message>
    <message>
        <source>Spreadsheet file</source>
        <translation>Archivo de hoja de cálculo</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <source>Choose the spreadsheet file</source>
        <translation>Elija el archivo de hoja de cálculo</translation>
    </message>
    <message>
        <source>What was read from the file</source>
        <translation>Lo que se leyó del archivo</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importar hoja de cálculo</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Hojas de cálculo (*.csv *.tsv *.txt *.xlsx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <source>Read {rows} rows and {columns} columns (header on row {line}).</source>
        <translation>Se leyeron {rows} filas y {columns} columnas (encabezado en la fila {line}).</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>No se puede leer el archivo.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
</context>
<context>
    <name>FileSaver</name>
    <message>
        <source>Save an unencrypted file?</source>
        <translation>¿Guardar un archivo sin cifrar?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>Cancelado; no se guardó nada.</translation>
    </message>
    <message>
        <source>The file was not saved: {0}</source>
        <translation>No se guardó el archivo: {0}</translation>
    </message>
    <message>
        <source>The file was not saved</source>
        <translation>No se guardó el archivo</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Use at least %1 characters; a few unrelated words work well.</source>
        <translation>Use al menos %1 caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>Use more different characters; repeated letters are easy to guess.</source>
        <translation>Use más caracteres distintos; las letras repetidas son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Welcome to Clinic</source>
        <translation>Bienvenido a Clinic</translation>
    </message>
    <message>
        <source>Clinic keeps every client record in an encrypted database on this computer. Nothing is sent anywhere.</source>
        <translation>Clinic guarda todos los registros de clientes en una base de datos cifrada en esta computadora. No se envía nada a ningún lado.</translation>
    </message>
    <message>
        <source>Protect the store with a passphrase</source>
        <translation>Proteger la base de datos con una frase de contraseña</translation>
    </message>
    <message>
        <source>No keychain was found: a passphrase is needed</source>
        <translation>No se encontró un llavero del sistema: se necesita una frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>At least 10 characters; a few unrelated words</source>
        <translation>Al menos 10 caracteres; unas cuantas palabras sin relación entre sí</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Escriba la frase de contraseña de nuevo</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbala de nuevo</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten, only the recovery key (printable recovery kit) can open the store.</source>
        <translation>Si se olvida la frase de contraseña, solo la clave de recuperación (kit de recuperación imprimible) puede abrir la base de datos.</translation>
    </message>
    <message>
        <source>Create store</source>
        <translation>Crear la base de datos</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>Suficientemente segura.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Las dos frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>You have unsaved changes in this form. Discard them?</source>
        <translation>Este formulario tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
</context>
<context>
    <name>FormsBox</name>
    <message>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <source>Clinic fills the official I-589 but does not ship it: download the blank form from uscis.gov/i-589 and add it here.</source>
        <translation>Clinic llena el I-589 oficial pero no lo incluye: descargue el formulario en blanco de uscis.gov/i-589 y agréguelo aquí.</translation>
    </message>
    <message>
        <source>Stored forms</source>
        <translation>Formularios guardados</translation>
    </message>
    <message>
        <source>Add a form file…</source>
        <translation>Agregar un archivo de formulario…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected form</source>
        <translation>Quitar el formulario seleccionado</translation>
    </message>
    <message>
        <source>No form stored yet.</source>
        <translation>Todavía no hay ningún formulario guardado.</translation>
    </message>
    <message>
        <source>Form I-589 (no edition printed)</source>
        <translation>Formulario I-589 (sin edición impresa)</translation>
    </message>
    <message>
        <source>an edition Clinic knows</source>
        <translation>una edición que Clinic conoce</translation>
    </message>
    <message>
        <source>not an edition Clinic knows</source>
        <translation>no es una edición que Clinic conozca</translation>
    </message>
    <message>
        <source>{0}, {1}; added {2}</source>
        <translation>{0}, {1}; agregado el {2}</translation>
    </message>
    <message>
        <source>Add the blank I-589 from uscis.gov</source>
        <translation>Agregar el I-589 en blanco de uscis.gov</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>no I-589 footer found</source>
        <translation>no se encontró el pie de página del I-589</translation>
    </message>
    <message>
        <source>Added {0}, an edition Clinic knows: every mapped question is placed.</source>
        <translation>Se agregó {0}, una edición que Clinic conoce: se colocan todas las preguntas del mapa.</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(y %n más)</numerusform>
            <numerusform>(y %n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Added {0}, but it is not an edition Clinic knows (its fields differ from those of {1}). It is filled only where its fields match; these questions cannot be placed and must be typed by hand: {2}.</source>
        <translation>Se agregó {0}, pero no es una edición que Clinic conozca (sus campos difieren de los de {1}). Solo se llena donde sus campos coinciden; estas preguntas no se pueden colocar y hay que escribirlas a mano: {2}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>Se quitó {0}.</translation>
    </message>
</context>
<context>
    <name>FunderReportDialog</name>
    <message>
        <source>Funder report</source>
        <translation>Informe para financiadores</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Counts of the cases open during the year, by claim type, stage, outcome, relief, nationality and year opened and closed. No names or A-numbers; counts under 5 are hidden.</source>
        <translation>Recuentos de los casos abiertos durante el año, por tipo de solicitud, etapa, resultado, protección, nacionalidad y año de apertura y cierre. Sin nombres ni números A; los recuentos menores de 5 se ocultan.</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
</context>
<context>
    <name>FunderReportExporter</name>
    <message>
        <source>Save the funder report</source>
        <translation>Guardar el informe para financiadores</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV, for any spreadsheet (*.csv)</source>
        <translation>PDF (*.pdf);;CSV, para cualquier hoja de cálculo (*.csv)</translation>
    </message>
    <message>
        <source>Saved the funder report to {0}.</source>
        <translation>Se guardó el informe para financiadores en {0}.</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Client handout</source>
        <translation>Hoja informativa para el cliente</translation>
    </message>
    <message>
        <source>Kind of handout</source>
        <translation>Tipo de hoja informativa</translation>
    </message>
    <message>
        <source>Hearing reminder (next court hearing)</source>
        <translation>Recordatorio de audiencia (próxima audiencia en el tribunal)</translation>
    </message>
    <message>
        <source>Documents we still need</source>
        <translation>Documentos que todavía necesitamos</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>Comprobante de cita</translation>
    </message>
    <message>
        <source>One after the other (English first, then the other)</source>
        <translation>Una después de la otra (primero en inglés, después en el otro idioma)</translation>
    </message>
    <message>
        <source>Language of the handout</source>
        <translation>Idioma de la hoja informativa</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>Solo inglés</translation>
    </message>
    <message>
        <source>Layout of a bilingual handout</source>
        <translation>Diseño de una hoja bilingüe</translation>
    </message>
    <message>
        <source>Side by side (two columns)</source>
        <translation>Lado a lado (dos columnas)</translation>
    </message>
    <message>
        <source>&amp;Handout:</source>
        <translation>&amp;Hoja:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>La&amp;yout:</source>
        <translation>&amp;Diseño:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>W&amp;ith:</source>
        <translation>Co&amp;n:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>D&amp;ónde:</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the handout as a PDF</source>
        <translation>Guardar la hoja informativa como PDF</translation>
    </message>
    <message>
        <source>English and %1</source>
        <translation>Inglés y %1</translation>
    </message>
    <message>
        <source>%1 only</source>
        <translation>Solo %1</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Appointment with</source>
        <translation>Cita con</translation>
    </message>
    <message>
        <source>Appointment place</source>
        <translation>Lugar de la cita</translation>
    </message>
    <message>
        <source>Draft translation: no certified translator has reviewed the %1 text yet. Have it checked before you give this paper to the client. (A review is recorded in Settings, Handout languages.)</source>
        <translation>Traducción en borrador: ningún traductor certificado ha revisado todavía el texto en %1. Hágalo revisar antes de entregarle este papel al cliente. (La revisión se registra en Configuración, Idiomas de las hojas informativas).</translation>
    </message>
    <message>
        <source>The clinic has no letterhead in %1 yet, so its English letterhead (address, phone, office hours) is printed. Write one in Settings, Handout languages.</source>
        <translation>La clínica aún no tiene membrete en %1, así que se imprime su membrete en inglés (dirección, teléfono, horario). Escriba uno en Configuración, Idiomas de las hojas informativas.</translation>
    </message>
</context>
<context>
    <name>HandoutExport</name>
    <message>
        <source>Client handout…</source>
        <translation>Hoja informativa…</translation>
    </message>
    <message>
        <source>Make a handout for the client</source>
        <translation>Preparar una hoja informativa para el cliente</translation>
    </message>
    <message>
        <source>Hearing reminder, document request or appointment slip (%1)</source>
        <translation>Recordatorio de audiencia, solicitud de documentos o comprobante de cita (%1)</translation>
    </message>
    <message>
        <source>The handout PDF is NOT encrypted: it shows the client&apos;s name and A-number. Print it or give it to the client, and delete stray copies. The export is recorded in the audit log.</source>
        <translation>El PDF de la hoja informativa NO está cifrado: muestra el nombre y el número A del cliente. Imprímalo o entrégueselo al cliente, y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the client handout PDF</source>
        <translation>Guardar el PDF de la hoja informativa</translation>
    </message>
</context>
<context>
    <name>HandoutLanguagesBox</name>
    <message>
        <source>Handout languages</source>
        <translation>Idiomas de las hojas informativas</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation>Idioma de la hoja informativa</translation>
    </message>
    <message>
        <source>Certified translator who reviewed it</source>
        <translation>Traductor certificado que lo revisó</translation>
    </message>
    <message>
        <source>Name and certification (e.g. ATA, court)</source>
        <translation>Nombre y certificación (p. ej., ATA, tribunal)</translation>
    </message>
    <message>
        <source>Day of the review</source>
        <translation>Fecha de la revisión</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>Registrar la revisión</translation>
    </message>
    <message>
        <source>Mark as draft</source>
        <translation>Marcar como borrador</translation>
    </message>
    <message>
        <source>Letterhead in this language</source>
        <translation>Membrete en este idioma</translation>
    </message>
    <message>
        <source>Address, phone and office hours in this language (empty: the clinic&apos;s own)</source>
        <translation>Dirección, teléfono y horario de atención en este idioma (vacío: el membrete de la clínica)</translation>
    </message>
    <message>
        <source>Save the letterhead</source>
        <translation>Guardar el membrete</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>I&amp;dioma:</translation>
    </message>
    <message>
        <source>Re&amp;viewed by:</source>
        <translation>Revisado &amp;por:</translation>
    </message>
    <message>
        <source>Reviewed &amp;on:</source>
        <translation>&amp;Fecha de revisión:</translation>
    </message>
    <message>
        <source>Letterhea&amp;d:</source>
        <translation>Membre&amp;te:</translation>
    </message>
    <message>
        <source>Reviewed by a certified translator: %1, on %2.</source>
        <translation>Revisado por un traductor certificado: %1, el %2.</translation>
    </message>
    <message>
        <source>Draft: no certified translator has reviewed this text yet. Staff are told so before they print it.</source>
        <translation>Borrador: ningún traductor certificado ha revisado todavía este texto. Se avisa al personal antes de imprimirlo.</translation>
    </message>
    <message>
        <source>Type who reviewed it (name and certification).</source>
        <translation>Escriba quién lo revisó (nombre y certificación).</translation>
    </message>
    <message>
        <source>Type the day of the review, e.g. 1/15/2027.</source>
        <translation>Escriba la fecha de la revisión, p. ej., 15/1/2027.</translation>
    </message>
    <message>
        <source>The day of the review cannot be in the future.</source>
        <translation>La fecha de la revisión no puede ser futura.</translation>
    </message>
</context>
<context>
    <name>HearingOutcomeDialog</name>
    <message>
        <source>Record the hearing&apos;s outcome</source>
        <translation>Registrar el resultado de la audiencia</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>e.g. Continued to a later date; pleadings taken; individual hearing set</source>
        <translation>p. ej., aplazada; se contestaron los cargos (pleadings); se fijó la audiencia individual</translation>
    </message>
</context>
<context>
    <name>HearingZoneReviewDialog</name>
    <message>
        <source>Hearing time zones to review</source>
        <translation>Zonas horarias de audiencias por revisar</translation>
    </message>
    <message>
        <source>These upcoming hearings are stored with a time zone that is not their court&apos;s or office&apos;s. Hearings saved before the court list existed all got New York time. Check each against its notice: keep the stored zone if it is right, or use the court&apos;s. Each choice is recorded in the audit trail; nothing changes by itself.</source>
        <translation>Estas próximas audiencias están guardadas con una zona horaria que no es la de su tribunal u oficina. Las audiencias guardadas antes de que existiera la lista de tribunales recibieron todas la hora de Nueva York. Compare cada una con su aviso: conserve la zona guardada si es correcta o use la del tribunal. Cada decisión queda en el registro de auditoría; nada cambia por sí solo.</translation>
    </message>
    <message>
        <source>Hearings with another time zone than their court&apos;s</source>
        <translation>Audiencias con una zona horaria distinta de la de su tribunal</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time (as stored)</source>
        <translation>Hora (como está guardada)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Audiencia</translation>
    </message>
    <message>
        <source>Court or office</source>
        <translation>Tribunal u oficina</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>No se guardó nada</translation>
    </message>
    <message>
        <source>Stored zone</source>
        <translation>Zona guardada</translation>
    </message>
    <message>
        <source>Court&apos;s zone</source>
        <translation>Zona del tribunal</translation>
    </message>
    <message>
        <source>Every upcoming hearing has its court&apos;s time zone.</source>
        <translation>Todas las próximas audiencias tienen la zona horaria de su tribunal.</translation>
    </message>
    <message>
        <source>&amp;Keep the stored zone</source>
        <translation>&amp;Conservar la zona guardada</translation>
    </message>
    <message>
        <source>Keep the stored time zone of the selected</source>
        <translation>Conservar la zona horaria guardada de las seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Use the court&apos;s zone</source>
        <translation>&amp;Usar la zona del tribunal</translation>
    </message>
    <message>
        <source>Use the court&apos;s time zone for the selected</source>
        <translation>Usar la zona horaria del tribunal en las seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Abrir el caso</translation>
    </message>
</context>
<context>
    <name>HearingsTab</name>
    <message>
        <source>Hearings</source>
        <translation>Audiencias</translation>
    </message>
    <message>
        <source>Schedule hearing…</source>
        <translation>Programar audiencia…</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Registrar resultado…</translation>
    </message>
    <message>
        <source>Change hearing…</source>
        <translation>Cambiar la audiencia…</translation>
    </message>
    <message>
        <source>Selected hearing</source>
        <translation>Audiencia seleccionada</translation>
    </message>
    <message>
        <source>No hearings or appointments yet. Use “Schedule hearing…” to add one.</source>
        <translation>Todavía no hay audiencias ni citas. Use «Programar audiencia…» para agregar una.</translation>
    </message>
    <message>
        <source>Address: {0}</source>
        <translation>Dirección: {0}</translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation>Notas: {0}</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Clinic %1</source>
        <translation>Clinic %1</translation>
    </message>
    <message>
        <source>An offline, encrypted case tracker for immigration legal clinics. Nothing is sent anywhere; the records stay encrypted on this computer.</source>
        <translation>Un sistema de seguimiento de casos cifrado y sin conexión para clínicas legales de inmigración. No se envía nada a ningún lugar; los registros permanecen cifrados en esta computadora.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Data folder…</source>
        <translation>Carpeta de datos…</translation>
    </message>
    <message>
        <source>About Clinic</source>
        <translation>Acerca de Clinic</translation>
    </message>
</context>
<context>
    <name>I589Fill</name>
    <message>
        <source>F&amp;ill the I-589…</source>
        <translation>Llenar el &amp;I-589…</translation>
    </message>
    <message>
        <source>The official form filled from this case, from the blank in Settings, Forms</source>
        <translation>El formulario oficial llenado con los datos de este caso, a partir del formulario en blanco de Configuración, Formularios</translation>
    </message>
    <message>
        <source>Fla&amp;tten (answers drawn into the pages)</source>
        <translation>Aplanar (respuestas dibu&amp;jadas en las páginas)</translation>
    </message>
    <message>
        <source>Unticked: the form stays fillable, its answers can still be typed over</source>
        <translation>Sin marcar: el formulario sigue siendo rellenable y sus respuestas se pueden seguir escribiendo</translation>
    </message>
    <message>
        <source>What filling the I-589 placed and what to type</source>
        <translation>Qué se colocó al llenar el I-589 y qué hay que escribir</translation>
    </message>
    <message>
        <source>No blank I-589 is stored: download it from uscis.gov/i-589 and add it in Settings, Forms (Add a form file…).</source>
        <translation>No hay ningún I-589 en blanco guardado: descárguelo de uscis.gov/i-589 y agréguelo en Configuración, Formularios (Agregar un archivo de formulario…).</translation>
    </message>
    <message>
        <source>The filled I-589 is NOT encrypted: it holds the client&apos;s personal details, family and account of persecution. Save it only on an encrypted drive or print it, and delete stray copies. The export is recorded in the audit log.</source>
        <translation>El I-589 llenado NO está cifrado: contiene los datos personales del cliente, su familia y su relato de persecución. Guárdelo solo en una unidad cifrada o imprímalo, y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the filled I-589</source>
        <translation>Guardar el I-589 llenado</translation>
    </message>
</context>
<context>
    <name>I589Lists</name>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>From (month)</source>
        <translation>Desde (mes)</translation>
    </message>
    <message>
        <source>To (month; empty: now)</source>
        <translation>Hasta (mes; vacío: hasta hoy)</translation>
    </message>
    <message>
        <source>Part A.I 19.C — Entries into the U.S. (most recent first)</source>
        <translation>Parte A.I 19.C — Entradas a EE. UU. (la más reciente primero)</translation>
    </message>
    <message>
        <source>Date of entry</source>
        <translation>Fecha de entrada</translation>
    </message>
    <message>
        <source>Place (port of entry)</source>
        <translation>Lugar (puerto de entrada)</translation>
    </message>
    <message>
        <source>Status (B-2, EWI, parole)</source>
        <translation>Estatus (B-2, EWI, parole)</translation>
    </message>
    <message>
        <source>Date status expires</source>
        <translation>Fecha en que vence el estatus</translation>
    </message>
    <message>
        <source>This entry is the last arrival typed in the client&apos;s details (the one-year deadline counts from it): correct it there.</source>
        <translation>Esta entrada es la última llegada escrita en los datos del cliente (el plazo de un año se cuenta desde ella): corríjala allí.</translation>
    </message>
    <message>
        <source>Residence, last 5 years (2)</source>
        <translation>Residencia, últimos 5 años (2)</translation>
    </message>
    <message>
        <source>Last address before the U.S. (1)</source>
        <translation>Última dirección antes de EE. UU. (1)</translation>
    </message>
    <message>
        <source>Last address in the feared country (1)</source>
        <translation>Última dirección en el país donde teme persecución (1)</translation>
    </message>
    <message>
        <source>Part A.III 1 and 2 — Addresses (present first)</source>
        <translation>Parte A.III 1 y 2 — Direcciones (la actual primero)</translation>
    </message>
    <message>
        <source>Which address</source>
        <translation>Qué dirección</translation>
    </message>
    <message>
        <source>Number and street</source>
        <translation>Número y calle</translation>
    </message>
    <message>
        <source>City or town</source>
        <translation>Ciudad o pueblo</translation>
    </message>
    <message>
        <source>Department, province or state</source>
        <translation>Departamento, provincia o estado</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>now</source>
        <translation>hasta hoy</translation>
    </message>
    <message>
        <source>Part A.III 3 — Education (most recent first)</source>
        <translation>Parte A.III 3 — Estudios (los más recientes primero)</translation>
    </message>
    <message>
        <source>Name of school</source>
        <translation>Nombre de la escuela</translation>
    </message>
    <message>
        <source>Type of school</source>
        <translation>Tipo de escuela</translation>
    </message>
    <message>
        <source>Location (address)</source>
        <translation>Ubicación (dirección)</translation>
    </message>
    <message>
        <source>Part A.III 4 — Employment, last 5 years (present first)</source>
        <translation>Parte A.III 4 — Empleos, últimos 5 años (el actual primero)</translation>
    </message>
    <message>
        <source>Name and address of employer</source>
        <translation>Nombre y dirección del empleador</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Madre</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Hermano/a</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Fallecido/a</translation>
    </message>
    <message>
        <source>Part A.III 5 — Parents and siblings</source>
        <translation>Parte A.III 5 — Padres y hermanos</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>City or town and country of birth</source>
        <translation>Ciudad o pueblo y país de nacimiento</translation>
    </message>
    <message>
        <source>Current location</source>
        <translation>Ubicación actual</translation>
    </message>
</context>
<context>
    <name>I589Tab</name>
    <message>
        <source>Part A.I — Information about you</source>
        <translation>Parte A.I — Información sobre usted</translation>
    </message>
    <message>
        <source>Part B — Information about your application</source>
        <translation>Parte B — Información sobre su solicitud</translation>
    </message>
    <message>
        <source>Part C — Additional information about your application</source>
        <translation>Parte C — Información adicional sobre su solicitud</translation>
    </message>
    <message>
        <source>Sa&amp;ve answers</source>
        <translation>&amp;Guardar respuestas</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Deshacer cambios</translation>
    </message>
    <message>
        <source>The Spanish questions have not yet been reviewed by a qualified translator: check their meaning with the client.</source>
        <translation>Las preguntas en español aún no han sido revisadas por un traductor calificado: confirme su sentido con el cliente.</translation>
    </message>
    <message>
        <source>Part {0}</source>
        <translation>Parte {0}</translation>
    </message>
    <message>
        <source>translation not yet reviewed</source>
        <translation>traducción aún no revisada</translation>
    </message>
    <message>
        <source>Before printing, check: {0}</source>
        <translation>Antes de imprimir, revise: {0}</translation>
    </message>
    <message>
        <source>Answers not saved yet.</source>
        <translation>Respuestas aún no guardadas.</translation>
    </message>
    <message>
        <source>Part {0}: {1} of {2} answered</source>
        <translation>Parte {0}: {1} de {2} respondidas</translation>
    </message>
    <message>
        <source>Still to ask: {0}</source>
        <translation>Falta preguntar: {0}</translation>
    </message>
    <message>
        <source>Every question answered.</source>
        <translation>Todas las preguntas respondidas.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the dates marked above.</source>
        <translation>No se guardó nada: corrija las fechas señaladas arriba.</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the answers marked above.</source>
        <translation>No se guardó nada: corrija las respuestas señaladas arriba.</translation>
    </message>
    <message>
        <source>Answers saved.</source>
        <translation>Respuestas guardadas.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importar hoja de cálculo</translation>
    </message>
</context>
<context>
    <name>IntakeChoices</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Family member of {client}</source>
        <translation>Familiar de {client}</translation>
    </message>
    <message>
        <source>Adverse party of {client}</source>
        <translation>Parte contraria de {client}</translation>
    </message>
    <message>
        <source>same A-number</source>
        <translation>mismo número A</translation>
    </message>
    <message>
        <source>same name (“{name}”)</source>
        <translation>mismo nombre («{name}»)</translation>
    </message>
    <message>
        <source>similar name (“{name}”)</source>
        <translation>nombre parecido («{name}»)</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>misma fecha de nacimiento</translation>
    </message>
    <message>
        <source>Not in removal proceedings: filed with USCIS, decided after an asylum-office interview.</source>
        <translation>Fuera de un proceso de expulsión: se presenta ante USCIS y se decide tras una entrevista en la oficina de asilo.</translation>
    </message>
    <message>
        <source>In removal proceedings: asked of an immigration judge, at master calendar then individual hearings.</source>
        <translation>En proceso de expulsión: se pide a un juez de inmigración, en la audiencia preliminar (master calendar) y luego en la audiencia individual.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New client intake</source>
        <translation>Ingreso de un cliente nuevo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the intake</source>
        <translation>Cancelar el ingreso</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>A&amp;trás</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Si&amp;guiente</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>No conflict — &amp;save</source>
        <translation>Sin conflicto: &amp;guardar</translation>
    </message>
    <message>
        <source>No conflict: save the intake</source>
        <translation>Sin conflicto: guardar el ingreso</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Intake steps</source>
        <translation>Pasos del ingreso</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Enter: next step
Ctrl+Enter: check, save
Esc: cancel</source>
        <translation>Enter: paso siguiente
Ctrl+Enter: verificar, guardar
Esc: cancelar</translation>
    </message>
    <message>
        <source>Step {number} of {total}: {title}</source>
        <translation>Paso {number} de {total}: {title}</translation>
    </message>
    <message>
        <source>Different person — &amp;save</source>
        <translation>Otra persona: &amp;guardar</translation>
    </message>
    <message>
        <source>A different person from the matched client: save the intake</source>
        <translation>Otra persona distinta del cliente que coincide: guardar el ingreso</translation>
    </message>
    <message>
        <source>Open the existing client?</source>
        <translation>¿Abrir el cliente existente?</translation>
    </message>
    <message>
        <source>Open {name}&apos;s case and close this intake?</source>
        <translation>¿Abrir el caso de {name} y cerrar este ingreso?</translation>
    </message>
    <message>
        <source>Nothing from this intake is saved. If something changed (an address, a phone number, a family member), update it in the existing client&apos;s record.</source>
        <translation>No se guarda nada de este ingreso. Si algo cambió (una dirección, un número de teléfono, un familiar), actualícelo en el registro del cliente existente.</translation>
    </message>
    <message>
        <source>&amp;Open the existing client</source>
        <translation>&amp;Abrir el cliente existente</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>No se guardó nada</translation>
    </message>
    <message>
        <source>What you typed is still in the form; save again when the problem is solved.</source>
        <translation>Lo que escribió sigue en el formulario; vuelva a guardar cuando el problema esté resuelto.</translation>
    </message>
    <message>
        <source>The client and family are saved. Correct the case below and save again.</source>
        <translation>El cliente y la familia están guardados. Corrija el caso abajo y vuelva a guardar.</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language on this computer</source>
        <translation>Idioma en esta computadora</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>Same as the computer (%1)</source>
        <translation>Igual que la computadora (%1)</translation>
    </message>
    <message>
        <source>Saved for you on this computer only; the window switches to it at once.</source>
        <translation>Se guarda solo para usted en esta computadora; la ventana cambia de idioma en el acto.</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>The language was not saved</source>
        <translation>No se guardó el idioma</translation>
    </message>
    <message>
        <source>Clinic could not write its preferences file: %1</source>
        <translation>Clinic no pudo escribir su archivo de preferencias: %1</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Nothing was added: correct the dates marked above.</source>
        <translation>No se añadió nada: corrija las fechas marcadas arriba.</translation>
    </message>
    <message>
        <source>Choose the row to remove in the table first.</source>
        <translation>Elija primero en la tabla la fila que quiere quitar.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <source>Nothing was added: correct the fields marked above.</source>
        <translation>No se añadió nada: corrija los campos marcados arriba.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>New intake…</source>
        <translation>Nuevo cliente…</translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>Importar hoja de cálculo…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Hacer copia de seguridad ahora…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Save recovery kit…</source>
        <translation>Guardar kit de recuperación…</translation>
    </message>
    <message>
        <source>Print hearing docket…</source>
        <translation>Imprimir lista de audiencias…</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>Exportar calendario (.ics)…</translation>
    </message>
    <message>
        <source>Funder report…</source>
        <translation>Informe para financiadores…</translation>
    </message>
    <message>
        <source>Export case for another computer…</source>
        <translation>Exportar caso para otra computadora…</translation>
    </message>
    <message>
        <source>Import case file…</source>
        <translation>Importar archivo de caso…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Find case</source>
        <translation>Buscar caso</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Connected to the office server again.</source>
        <translation>Conectado de nuevo al servidor de la oficina.</translation>
    </message>
    <message>
        <source>The office server cannot be reached; Clinic keeps trying. Nothing is saved until it is back.</source>
        <translation>No se puede llegar al servidor de la oficina; Clinic sigue intentándolo. No se guarda nada hasta que vuelva.</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Configuración sin guardar</translation>
    </message>
    <message>
        <source>Settings have unsaved changes. Quit and discard them?</source>
        <translation>La configuración tiene cambios sin guardar. ¿Salir y descartarlos?</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Relacione las columnas</translation>
    </message>
    <message>
        <source>Choose the Clinic field each column holds, or leave it ignored. Columns with common names are matched already; your choice is remembered for files like this.</source>
        <translation>Elija el campo de Clinic que contiene cada columna, o déjela sin usar. Las columnas con nombres habituales ya están relacionadas; su elección se recuerda para archivos como este.</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they hold</source>
        <translation>Columnas del archivo y los campos que contienen</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>Clinic field</source>
        <translation>Campo de Clinic</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <source>Dates like 03/04/1990 mean:</source>
        <translation>Las fechas como 03/04/1990 significan:</translation>
    </message>
    <message>
        <source>Date order</source>
        <translation>Orden de las fechas</translation>
    </message>
    <message>
        <source>Decide from the dates in the file</source>
        <translation>Deducirlo de las fechas del archivo</translation>
    </message>
    <message>
        <source>Month first: 03/25/1990 (US)</source>
        <translation>Primero el mes: 03/25/1990 (EE. UU.)</translation>
    </message>
    <message>
        <source>Day first: 25/03/1990</source>
        <translation>Primero el día: 25/03/1990</translation>
    </message>
    <message>
        <source>What to fix before going on</source>
        <translation>Qué corregir antes de seguir</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(sin encabezado)</translation>
    </message>
    <message>
        <source>Field for column {name}</source>
        <translation>Campo para la columna {name}</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(no usar esta columna)</translation>
    </message>
    <message>
        <source>No column is mapped to the family name (e.g. a column headed &apos;Family name&apos;, &apos;Last name&apos; or &apos;Apellido&apos;). Choose it in the list above, or rename the header.</source>
        <translation>Ninguna columna está asignada al apellido (p. ej. una columna con el encabezado &apos;Family name&apos;, &apos;Last name&apos; o &apos;Apellido&apos;). Elíjala en la lista de arriba o cambie el nombre del encabezado.</translation>
    </message>
    <message>
        <source>The file mixes day-first dates (e.g. {0}) and month-first dates (e.g. {1}). Choose the order most of the file uses (day first or month first); the other dates are then reported by row.</source>
        <translation>El archivo mezcla fechas con el día primero (p. ej. {0}) y fechas con el mes primero (p. ej. {1}). Elija el orden que usa la mayor parte del archivo (día primero o mes primero); las demás fechas se indican entonces por fila.</translation>
    </message>
    <message>
        <source>Dates such as {0} can be read day-first or month-first, and no date in the file settles it. Choose the date order below: month first (03/25/1990) or day first (25/03/1990).</source>
        <translation>Fechas como {0} se pueden leer con el día primero o con el mes primero, y ninguna fecha del archivo lo aclara. Elija el orden de las fechas abajo: mes primero (03/25/1990) o día primero (25/03/1990).</translation>
    </message>
</context>
<context>
    <name>MarkedCalendar</name>
    <message>
        <source>Hearings: %1</source>
        <translation>Audiencias: %1</translation>
    </message>
    <message>
        <source>Deadlines: %1</source>
        <translation>Plazos: %1</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Vencidos: %1</translation>
    </message>
</context>
<context>
    <name>MonthInput</name>
    <message>
        <source>mm/yyyy, or leave empty</source>
        <translation>mm/aaaa, o déjelo vacío</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>This field keeps only the month and the year: type mm/yyyy, e.g. {0}.</source>
        <translation>Este campo guarda solo el mes y el año: escriba mm/aaaa, p. ej., {0}.</translation>
    </message>
    <message>
        <source>Type the year with four digits: mm/yyyy, e.g. {0}.</source>
        <translation>Escriba el año con cuatro dígitos: mm/aaaa, p. ej., {0}.</translation>
    </message>
    <message>
        <source>The month is a number from 1 to 12: mm/yyyy, e.g. {0}.</source>
        <translation>El mes es un número del 1 al 12: mm/aaaa, p. ej., {0}.</translation>
    </message>
    <message>
        <source>Type a year from {0} to {1}.</source>
        <translation>Escriba un año entre {0} y {1}.</translation>
    </message>
    <message>
        <source>This is not a month. Type mm/yyyy, e.g. {0}.</source>
        <translation>Esto no es un mes. Escriba mm/aaaa, p. ej., {0}.</translation>
    </message>
</context>
<context>
    <name>MoveStageDialog</name>
    <message>
        <source>Move the case to {0}</source>
        <translation>Pasar el caso a {0}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Choose how the case ended…</source>
        <translation>Elija cómo terminó el caso…</translation>
    </message>
    <message>
        <source>No outcome yet</source>
        <translation>Sin resultado todavía</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why, or what the notice said (optional)</source>
        <translation>Por qué, o qué decía el aviso (opcional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>NameListEditor</name>
    <message>
        <source>New entry: {field}</source>
        <translation>Nueva entrada: {field}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected entry: {field}</source>
        <translation>Quitar la entrada seleccionada: {field}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <source>Write a note about this case…</source>
        <translation>Escriba una nota sobre este caso…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historial del caso</translation>
    </message>
    <message>
        <source>Notes, stage changes and every recorded edit</source>
        <translation>Notas, cambios de etapa y cada modificación registrada</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>No se guardó nada: {0}</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
</context>
<context>
    <name>OfficeGate</name>
    <message>
        <source>administrator</source>
        <translation>administrador(a)</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation>abogado(a)</translation>
    </message>
    <message>
        <source>paralegal</source>
        <translation>asistente legal</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>voluntario(a)</translation>
    </message>
    <message>
        <source>no staff role</source>
        <translation>sin función en el personal</translation>
    </message>
    <message>
        <source>Clinic cannot open the records</source>
        <translation>Clinic no puede abrir los registros</translation>
    </message>
    <message>
        <source>This computer is not connected to an office server: run &apos;clinic connect&apos;.</source>
        <translation>Esta computadora no está conectada a un servidor de la oficina: ejecute &apos;clinic connect&apos;.</translation>
    </message>
    <message>
        <source>Type the first password the administrator gave you.</source>
        <translation>Escriba la contraseña inicial que le dio el administrador.</translation>
    </message>
    <message>
        <source>The main window opens once you have chosen your own password. Sign in again (with your own password if it was set).</source>
        <translation>La ventana principal se abre cuando haya elegido su propia contraseña. Inicie sesión de nuevo (con su propia contraseña si ya quedó guardada).</translation>
    </message>
    <message>
        <source>Office server %1 · Signed in: %2 (%3, %4)</source>
        <translation>Servidor de la oficina %1 · Sesión iniciada: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Clinic — %1 (%2)</source>
        <translation>Clinic — %1 (%2)</translation>
    </message>
</context>
<context>
    <name>OlderCopyBanner</name>
    <message>
        <source>Read-only copy</source>
        <translation>Copia de solo lectura</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>No se guardó nada</translation>
    </message>
    <message>
        <source>Older copy of the records</source>
        <translation>Copia anterior de los registros</translation>
    </message>
    <message>
        <source>⚠ Older copy — read-only</source>
        <translation>⚠ Copia anterior — solo lectura</translation>
    </message>
    <message>
        <source>Keep working read-only…</source>
        <translation>Seguir trabajando en solo lectura…</translation>
    </message>
    <message>
        <source>Accept this copy as current…</source>
        <translation>Aceptar esta copia como la actual…</translation>
    </message>
    <message>
        <source>These records differ from the ones this computer saw last: another copy of the store was changed separately, or an older copy was put back and changed. It is open read-only: you can read everything, but nothing can be saved.</source>
        <translation>Estos registros difieren de los que esta computadora vio por última vez: otra copia de la base de datos se modificó por separado, o se volvió a poner una copia anterior y se modificó. Está abierta en solo lectura: puede leerlo todo, pero no se puede guardar nada.</translation>
    </message>
    <message>
        <source>Keep working read-only</source>
        <translation>Seguir trabajando en solo lectura</translation>
    </message>
    <message>
        <source>You can keep reading these records; nothing can be saved while they stay an older copy.</source>
        <translation>Puede seguir leyendo estos registros; no se puede guardar nada mientras sigan siendo una copia anterior.</translation>
    </message>
    <message>
        <source>To get the missing changes back, restore the newest backup that holds them: File → Restore from backup…, and choose the latest file in the backup folder (or on the USB stick). The records now on this computer are kept as a safety copy beside the data folder. If no backup holds them, accept this copy as current instead; the audit trail then records what was lost.</source>
        <translation>Para recuperar los cambios que faltan, restaure la copia de seguridad más reciente que los contenga: Archivo → Restaurar desde una copia…, y elija el archivo más reciente de la carpeta de copias de seguridad (o de la memoria USB). Los registros que hay ahora en esta computadora se guardan como copia de resguardo junto a la carpeta de datos. Si ninguna copia de seguridad los contiene, acepte esta copia como la actual; el registro de auditoría anota entonces lo que se perdió.</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Keep read-only</source>
        <translation>Mantener en solo lectura</translation>
    </message>
    <message>
        <source>Changes saved in the other copy, or after this copy was put back, are not in it.</source>
        <translation>Los cambios guardados en la otra copia, o después de que se volviera a poner esta copia, no están en ella.</translation>
    </message>
    <message numerus="yes">
        <source>This copy lacks %n change(s) made after it; only a backup can bring back what is missing.</source>
        <translation>
            <numerusform>A esta copia le falta %n cambio hecho después de ella; solo una copia de seguridad puede devolver lo que falta.</numerusform>
            <numerusform>A esta copia le faltan %n cambios hechos después de ella; solo una copia de seguridad puede devolver lo que falta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is an older copy of the store: it lacks %n change(s) made after it. It is open read-only: you can read everything, but nothing can be saved.</source>
        <translation>
            <numerusform>Esta es una copia anterior de la base de datos: le falta %n cambio hecho después de ella. Está abierta en solo lectura: puede leerlo todo, pero no se puede guardar nada.</numerusform>
            <numerusform>Esta es una copia anterior de la base de datos: le faltan %n cambios hechos después de ella. Está abierta en solo lectura: puede leerlo todo, pero no se puede guardar nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept this copy as the current records? %1 The audit trail records the acceptance and what was lost, and Clinic saves again from this copy on.</source>
        <translation>¿Aceptar esta copia como los registros actuales? %1 El registro de auditoría anota la aceptación y lo que se perdió, y Clinic vuelve a guardar a partir de esta copia.</translation>
    </message>
    <message>
        <source>Type the store&apos;s passphrase again to accept:</source>
        <translation>Escriba otra vez la frase de contraseña de la base de datos para aceptar:</translation>
    </message>
    <message>
        <source>Accept this copy as current</source>
        <translation>Aceptar esta copia como la actual</translation>
    </message>
    <message>
        <source>Clinic reads the store&apos;s key from this computer&apos;s keychain again.</source>
        <translation>Clinic vuelve a leer la clave de la base de datos en el llavero del sistema de esta computadora.</translation>
    </message>
    <message>
        <source>This copy is now current</source>
        <translation>Esta copia es ahora la actual</translation>
    </message>
    <message>
        <source>These records are now the current ones and can be changed again. The acceptance and what was missing are recorded in the audit trail (entry %1).</source>
        <translation>Estos registros son ahora los actuales y se pueden volver a modificar. La aceptación y lo que faltaba quedan anotados en el registro de auditoría (entrada %1).</translation>
    </message>
    <message>
        <source>The passphrase is not correct, so this copy was not accepted and nothing was changed. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>La frase de contraseña no es correcta, así que esta copia no se aceptó y no se cambió nada. Revise la distribución del teclado y Bloq Mayús, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This copy was not accepted</source>
        <translation>Esta copia no se aceptó</translation>
    </message>
    <message>
        <source>This is an older copy of the records, open read-only, so nothing was saved. Use the banner at the top of the window: restore the right backup (File → Restore from backup…), or accept this copy as current.</source>
        <translation>Esta es una copia anterior de los registros, abierta en solo lectura, así que no se guardó nada. Use el aviso de la parte superior de la ventana: restaure la copia de seguridad correcta (Archivo → Restaurar desde una copia…), o acepte esta copia como la actual.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Nothing was saved</source>
        <translation>No se guardó nada</translation>
    </message>
</context>
<context>
    <name>OptionalDateInput</name>
    <message>
        <source>{0}, or leave empty</source>
        <translation>{0}, o déjelo vacío</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Move to…</source>
        <translation>Pasar a…</translation>
    </message>
    <message>
        <source>Referred to court…</source>
        <translation>Remitido al tribunal…</translation>
    </message>
    <message>
        <source>USCIS referred this affirmative case to immigration court (an NTA was filed)</source>
        <translation>USCIS remitió este caso afirmativo al tribunal de inmigración (se presentó una NTA)</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Claim type</source>
        <translation>Tipo de solicitud</translation>
    </message>
    <message>
        <source>Relief sought</source>
        <translation>Protección solicitada</translation>
    </message>
    <message>
        <source>Protected grounds</source>
        <translation>Motivos protegidos</translation>
    </message>
    <message>
        <source>Particular social group</source>
        <translation>Determinado grupo social</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Tribunal u oficina</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juez</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Número de recibo</translation>
    </message>
    <message>
        <source>Opened · I-589 filed</source>
        <translation>Abierto · I-589 presentado</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Paralegal · attorney</source>
        <translation>Asistente legal · abogado(a)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>Etapa actual</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Referred to court</source>
        <translation>Remitido al tribunal</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Cerrado el</translation>
    </message>
    <message>
        <source>None recorded yet</source>
        <translation>Nada registrado todavía</translation>
    </message>
    <message>
        <source> (agency hold)</source>
        <translation> (retención de la agencia)</translation>
    </message>
    <message>
        <source>If USCIS referred the case to immigration court, record it with “Referred to court…”: the case becomes defensive and keeps its history.</source>
        <translation>Si USCIS remitió el caso al tribunal de inmigración, regístrelo con «Remitido al tribunal…»: el caso pasa a ser defensivo y conserva su historial.</translation>
    </message>
</context>
<context>
    <name>OwnFilingDialog</name>
    <message>
        <source>Family member&apos;s own I-589</source>
        <translation>Propio I-589 del familiar</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <source>Files an I-589 of their own</source>
        <translation>Presenta su propio I-589</translation>
    </message>
    <message>
        <source>Their I-589 received</source>
        <translation>Su I-589 recibido</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Choose a password of your own, not the first password you were given.</source>
        <translation>Elija una contraseña propia, no la contraseña inicial que le dieron.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters, not one repeated letter (a short sentence is easy to remember).</source>
        <translation>Elija una contraseña de al menos %1 caracteres, no una misma letra repetida (una frase corta es fácil de recordar).</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <source>You signed in with the first password the administrator gave you; it stops working on %1. Choose your own now: at least %2 characters (a short sentence is easy to remember). Nobody else, the administrator included, will know it.</source>
        <translation>Inició sesión con la contraseña inicial que le dio el administrador; deja de funcionar el %1. Elija ahora la suya: al menos %2 caracteres (una frase corta es fácil de recordar). Nadie más, tampoco el administrador, la conocerá.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>Escriba de nuevo la contraseña nueva</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbala de nuevo</translation>
    </message>
    <message>
        <source>Set my password</source>
        <translation>Guardar mi contraseña</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Las dos contraseñas no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <source>Build the exhibit packet</source>
        <translation>Armar el paquete de anexos</translation>
    </message>
    <message>
        <source>Cover title</source>
        <translation>Título de la portada</translation>
    </message>
    <message>
        <source>Tab labels</source>
        <translation>Rótulos de las pestañas</translation>
    </message>
    <message>
        <source>Letters: A, B, C …</source>
        <translation>Letras: A, B, C …</translation>
    </message>
    <message>
        <source>Numbers: 1, 2, 3 …</source>
        <translation>Números: 1, 2, 3 …</translation>
    </message>
    <message>
        <source>Page-number prefix</source>
        <translation>Prefijo de los números de página</translation>
    </message>
    <message>
        <source>none: pages are numbered 1, 2, 3 …</source>
        <translation>ninguno: las páginas se numeran 1, 2, 3 …</translation>
    </message>
    <message>
        <source>Largest part, in MB</source>
        <translation>Parte más grande, en MB</translation>
    </message>
    <message>
        <source>DHS Office of Chief Counsel address</source>
        <translation>Dirección de la Oficina del Consejero Jefe del DHS</translation>
    </message>
    <message>
        <source>Service method</source>
        <translation>Forma de notificación</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Keep these options as the clinic&apos;s defaults</source>
        <translation>Guardar estas opciones como predeterminadas de la clínica</translation>
    </message>
    <message>
        <source>Folder for the packet</source>
        <translation>Carpeta para el paquete</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <source>Choose the folder for the packet</source>
        <translation>Elija la carpeta para el paquete</translation>
    </message>
    <message>
        <source>Packet progress</source>
        <translation>Avance del paquete</translation>
    </message>
    <message>
        <source>Packet status</source>
        <translation>Estado del paquete</translation>
    </message>
    <message>
        <source>Parts written and pages of each exhibit</source>
        <translation>Partes escritas y páginas de cada anexo</translation>
    </message>
    <message>
        <source>B&amp;uild packet</source>
        <translation>&amp;Armar paquete</translation>
    </message>
    <message>
        <source>Ta&amp;b labels</source>
        <translation>&amp;Rótulos de las pestañas</translation>
    </message>
    <message>
        <source>&amp;Largest part</source>
        <translation>Parte más &amp;grande</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>The packet was not built because of an unexpected error ({0}).</source>
        <translation>No se armó el paquete por un error inesperado ({0}).</translation>
    </message>
    <message>
        <source>Build the packet</source>
        <translation>Armar el paquete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the packet</source>
        <translation>Cancelar el paquete</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cover &amp;title</source>
        <translation>&amp;Título de la portada</translation>
    </message>
    <message>
        <source>Page-number &amp;prefix</source>
        <translation>&amp;Prefijo de página</translation>
    </message>
    <message>
        <source>DHS &amp;address</source>
        <translation>&amp;Dirección del DHS</translation>
    </message>
    <message>
        <source>Service &amp;method</source>
        <translation>&amp;Forma de notificación</translation>
    </message>
    <message>
        <source>&amp;Signed by</source>
        <translation>Fir&amp;mado por</translation>
    </message>
    <message>
        <source>The packet&apos;s PDF files are NOT encrypted: they hold the client&apos;s evidence. Choose a folder on an encrypted drive, and delete stray copies after filing.</source>
        <translation>Los PDF del paquete NO están cifrados: contienen las pruebas del cliente. Elija una carpeta en una unidad cifrada y borre las copias sueltas después de presentarlo.</translation>
    </message>
    <message>
        <source>Some files cannot go into the packet</source>
        <translation>Algunos archivos no pueden ir en el paquete</translation>
    </message>
    <message>
        <source>These files cannot go into the packet:</source>
        <translation>Estos archivos no pueden ir en el paquete:</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Build without them</source>
        <translation>Armarlo sin ellos</translation>
    </message>
    <message>
        <source>Check the options: {0}.</source>
        <translation>Revise las opciones: {0}.</translation>
    </message>
    <message>
        <source>Choose the folder to write the packet into.</source>
        <translation>Elija la carpeta donde escribir el paquete.</translation>
    </message>
    <message>
        <source>Opening every file…</source>
        <translation>Abriendo cada archivo…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
        <source>Stopped: nothing was written.</source>
        <translation>Detenido: no se escribió nada.</translation>
    </message>
    <message>
        <source>Building the packet…</source>
        <translation>Armando el paquete…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>The packet was not built: {0}</source>
        <translation>No se armó el paquete: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n part(s) in {0}. The files are NOT encrypted.</source>
        <translation>
            <numerusform>Se guardó %n parte en {0}. Los archivos NO están cifrados.</numerusform>
            <numerusform>Se guardaron %n partes en {0}. Los archivos NO están cifrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: pages {1}–{2}</source>
        <translation>{0}: páginas {1}–{2}</translation>
    </message>
    <message>
        <source>Exhibit {0}: pages {1} (part {2}) — {3}</source>
        <translation>Anexo {0}: páginas {1} (parte {2}) — {3}</translation>
    </message>
    <message>
        <source>Left out: {0}</source>
        <translation>Fuera del paquete: {0}</translation>
    </message>
    <message>
        <source>Put in as a picture: {0}</source>
        <translation>Incluida como imagen: {0}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Pages of the PDF</source>
        <translation>Páginas del PDF</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>PdfSaver</name>
    <message>
        <source>Save an unencrypted PDF?</source>
        <translation>¿Guardar un PDF sin cifrar?</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>Preparando el PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Guardando el PDF…</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>No se guardó el PDF.</translation>
    </message>
    <message>
        <source>Saved an unencrypted PDF to {0}.</source>
        <translation>Se guardó un PDF sin cifrar en {0}.</translation>
    </message>
    <message>
        <source>A file with that name already exists; choose another.</source>
        <translation>Ya existe un archivo con ese nombre; elija otro.</translation>
    </message>
    <message>
        <source>The PDF was not saved: {0}.</source>
        <translation>No se guardó el PDF: {0}.</translation>
    </message>
    <message>
        <source>The PDF was not saved: {0}</source>
        <translation>No se guardó el PDF: {0}</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>No se guardó el PDF</translation>
    </message>
</context>
<context>
    <name>PeopleBox</name>
    <message>
        <source>Parts D and E — Interpreter and preparer</source>
        <translation>Partes D y E — Intérprete y quien prepara el formulario</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Preparado por</translation>
    </message>
    <message>
        <source>Interpreter&apos;s name</source>
        <translation>Nombre del intérprete</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ninguno —</translation>
    </message>
    <message>
        <source>Interpreter&apos;s language</source>
        <translation>Idioma del intérprete</translation>
    </message>
    <message>
        <source>Save preparer and interpreter</source>
        <translation>Guardar quien prepara e intérprete</translation>
    </message>
    <message>
        <source>Prepared by (Part E):</source>
        <translation>Preparado por (Parte E):</translation>
    </message>
    <message>
        <source>Preparer&apos;s address and telephone:</source>
        <translation>Dirección y teléfono de quien prepara:</translation>
    </message>
    <message>
        <source>Interpreter&apos;s name (Part D):</source>
        <translation>Nombre del intérprete (Parte D):</translation>
    </message>
    <message>
        <source>Interpreter&apos;s language:</source>
        <translation>Idioma del intérprete:</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— sin registrar —</translation>
    </message>
    <message>
        <source>Not recorded yet: record the clinic&apos;s address and telephone once in Settings (The clinic&apos;s address and telephone); every form is then filled from there.</source>
        <translation>Aún sin registrar: registre una vez la dirección y el teléfono de la clínica en Configuración (La dirección y el teléfono de la clínica); cada formulario se llena desde allí.</translation>
    </message>
    <message>
        <source>{0} (the clinic&apos;s, from Settings)</source>
        <translation>{0} (los de la clínica, de Configuración)</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <source>Preparer and interpreter saved.</source>
        <translation>Se guardaron quien prepara y el intérprete.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Kind of proceeding</source>
        <translation>Tipo de procedimiento</translation>
    </message>
    <message>
        <source>Change proceeding…</source>
        <translation>Cambiar el procedimiento…</translation>
    </message>
    <message>
        <source>Entries into the United States</source>
        <translation>Entradas a los Estados Unidos</translation>
    </message>
    <message>
        <source>Record an entry…</source>
        <translation>Registrar una entrada…</translation>
    </message>
    <message>
        <source>Lawful status, TPS and parole</source>
        <translation>Estatus legal, TPS y parole</translation>
    </message>
    <message>
        <source>Record a status…</source>
        <translation>Registrar un estatus…</translation>
    </message>
    <message>
        <source>Family members&apos; applications</source>
        <translation>Solicitudes de los familiares</translation>
    </message>
    <message>
        <source>Own I-589…</source>
        <translation>Propio I-589…</translation>
    </message>
    <message>
        <source>A lawful status, TPS or parole held when the one-year deadline passes may support the extraordinary-circumstances exception if the I-589 is filed within a reasonable period after it ends (8 CFR 208.4(a)(5)(iv)). A family member who files an I-589 of their own has a one-year deadline of their own; a derivative is covered for asylum only (INA 208(b)(3)(A)). The Deadlines tab shows the dates and their reasoning; the attorney decides.</source>
        <translation>Un estatus legal, TPS o permiso de permanencia temporal (parole) vigente cuando vence el plazo de un año puede respaldar la excepción por circunstancias extraordinarias si el I-589 se presenta en un período razonable después de que termine (8 CFR 208.4(a)(5)(iv)). Un familiar que presenta su propio I-589 tiene su propio plazo de un año; un derivado está cubierto solo para el asilo (INA 208(b)(3)(A)). La pestaña Plazos muestra las fechas y su razonamiento; lo decide el abogado o la abogada.</translation>
    </message>
    <message>
        <source>Proceeding: %1</source>
        <translation>Procedimiento: %1</translation>
    </message>
</context>
<context>
    <name>ProblemLabels</name>
    <message>
        <source>Problem with %1</source>
        <translation>Problema con %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Something went wrong in Clinic ({0}).</source>
        <translation>Algo falló en Clinic ({0}).</translation>
    </message>
    <message>
        <source>The connection to the office server was lost while the save was being confirmed, so Clinic cannot tell whether it was saved (all of it or none of it: never half). What you typed is still here. Look at the record once the server is back (the status bar says so) before saving again.</source>
        <translation>Se perdió la conexión con el servidor de la oficina mientras se confirmaba el guardado, así que Clinic no puede saber si se guardó (todo o nada: nunca a medias). Lo que escribió sigue aquí. Mire el registro cuando el servidor vuelva (la barra de estado lo dice) antes de guardar de nuevo.</translation>
    </message>
    <message>
        <source>The connection to the office server was lost, so nothing was saved. What you typed is still here. Clinic connects again by itself: save again (the status bar says when the server is back).</source>
        <translation>Se perdió la conexión con el servidor de la oficina, así que no se guardó nada. Lo que escribió sigue aquí. Clinic vuelve a conectarse por sí solo: guarde de nuevo (la barra de estado dice cuándo vuelve el servidor).</translation>
    </message>
    <message>
        <source>A file with that name already exists; choose another.</source>
        <translation>Ya existe un archivo con ese nombre; elija otro.</translation>
    </message>
    <message>
        <source>{0} already exists; choose another name.</source>
        <translation>{0} ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <source>{0} does not exist (it may have been moved or deleted).</source>
        <translation>{0} no existe (puede que se haya movido o borrado).</translation>
    </message>
    <message>
        <source>Clinic is not allowed to use {0}; choose another place, or ask for its permissions to be fixed.</source>
        <translation>Clinic no tiene permiso para usar {0}; elija otro lugar o pida que se corrijan sus permisos.</translation>
    </message>
    <message>
        <source>The disk is full; free some space, then try again.</source>
        <translation>El disco está lleno; libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>{0} is on a disk that cannot be written; choose another place.</source>
        <translation>{0} está en un disco en el que no se puede escribir; elija otro lugar.</translation>
    </message>
    <message>
        <source>{0} is a folder; choose a file.</source>
        <translation>{0} es una carpeta; elija un archivo.</translation>
    </message>
    <message>
        <source>Part of {0} is not a folder; choose another place.</source>
        <translation>Parte de {0} no es una carpeta; elija otro lugar.</translation>
    </message>
    <message>
        <source>The disk reported an error while {0} was used. Check that it is connected and healthy, then try again.</source>
        <translation>El disco informó de un error mientras se usaba {0}. Compruebe que está conectado y en buen estado e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ProceedingDialog</name>
    <message>
        <source>Kind of proceeding</source>
        <translation>Tipo de procedimiento</translation>
    </message>
    <message>
        <source>Proceeding</source>
        <translation>Procedimiento</translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <source>Why this date</source>
        <translation>Por qué esta fecha</translation>
    </message>
    <message>
        <source>Select a deadline to see how its date was worked out.</source>
        <translation>Seleccione un plazo para ver cómo se calculó su fecha.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Counts from</source>
        <translation>Se cuenta desde</translation>
    </message>
    <message>
        <source>How it was counted</source>
        <translation>Cómo se contó</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Rule as of</source>
        <translation>Regla vigente al</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Set by the court; enter the judge&apos;s date as a judge-ordered deadline</source>
        <translation>Lo fija el tribunal; ingrese la fecha del juez como plazo ordenado por el juez</translation>
    </message>
    <message>
        <source>{0} (the rule&apos;s own date is {1}; act on the earlier one)</source>
        <translation>{0} (la fecha de la regla es {1}; actúe según la más temprana)</translation>
    </message>
    <message>
        <source>Entered by staff; no rule computed it.</source>
        <translation>Ingresado por el personal; ninguna regla lo calculó.</translation>
    </message>
</context>
<context>
    <name>RecordMoveDialog</name>
    <message>
        <source>Record a move</source>
        <translation>Registrar una mudanza</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Apartment, unit</source>
        <translation>Apartamento, unidad</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Código de país</translation>
    </message>
    <message>
        <source>Moved in on</source>
        <translation>Se mudó el</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Unlock with the recovery key</source>
        <translation>Desbloquear con la clave de recuperación</translation>
    </message>
    <message>
        <source>Type the 64 characters printed on the recovery kit (spaces do not matter). Then choose how this computer keeps the key from now on.</source>
        <translation>Escriba los 64 caracteres impresos en el kit de recuperación (los espacios no importan). Luego elija cómo guardará la clave esta computadora de ahora en adelante.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keychain</source>
        <translation>Guardar la clave en el llavero de esta computadora</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase (at least 10 characters)</source>
        <translation>Nueva frase de contraseña (al menos 10 caracteres)</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Escriba la frase de contraseña de nuevo</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbala de nuevo</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Escriba la clave de recuperación.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Las dos frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referred to immigration court</source>
        <translation>Remitido al tribunal de inmigración</translation>
    </message>
    <message>
        <source>Record referral</source>
        <translation>Registrar la remisión</translation>
    </message>
    <message>
        <source>The court named on the Notice to Appear</source>
        <translation>El tribunal indicado en la Notificación de Comparecencia</translation>
    </message>
    <message>
        <source>Immigration court</source>
        <translation>Tribunal de inmigración</translation>
    </message>
    <message>
        <source>If already assigned</source>
        <translation>Si ya se asignó</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juez</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Fecha de la remisión</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ReferralGuidance</name>
    <message>
        <source>Record the referral…</source>
        <translation>Registrar la remisión…</translation>
    </message>
    <message>
        <source>Record the referral to immigration court</source>
        <translation>Registrar la remisión al tribunal de inmigración</translation>
    </message>
    <message>
        <source>This case is affirmative: it is before the asylum office, so only its appointments can be scheduled here. Master calendar and individual hearings are in immigration court, where an affirmative case goes only when the asylum office refers it with a Notice to Appear.</source>
        <translation>Este caso es afirmativo: está ante la oficina de asilo, así que aquí solo se pueden programar sus citas. Las audiencias preliminares e individuales son en el tribunal de inmigración, adonde un caso afirmativo llega solo cuando la oficina de asilo lo remite con una Notificación de Comparecencia (NTA).</translation>
    </message>
    <message>
        <source>If the asylum office referred this case, record the referral first: the case becomes defensive, keeps its history, and court hearings can then be scheduled.</source>
        <translation>Si la oficina de asilo remitió este caso, registre primero la remisión: el caso pasa a ser defensivo, conserva su historial y entonces se pueden programar audiencias del tribunal.</translation>
    </message>
    <message>
        <source>A referral can be recorded once the application is filed (stage {filed}, {interview} or {decision}; this case is at {stage}). If the client received a Notice to Appear without a referral, ask the attorney how to proceed.</source>
        <translation>La remisión se puede registrar una vez presentada la solicitud (etapa {filed}, {interview} o {decision}; este caso está en {stage}). Si el cliente recibió una Notificación de Comparecencia sin remisión, consulte al abogado cómo proceder.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Revise las filas</translation>
    </message>
    <message>
        <source>A dry run: nothing has been stored yet.</source>
        <translation>Un ensayo: todavía no se ha guardado nada.</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>Lo que haría la importación</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>Revisando las filas</translation>
    </message>
    <message>
        <source>Rows that cannot be imported, and notes</source>
        <translation>Filas que no se pueden importar, y notas</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Import the valid rows and skip the ones listed</source>
        <translation>&amp;Importar las filas válidas y omitir las de la lista</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the others</source>
        <translation>Importar las filas válidas y omitir las demás</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <source>{rows} rows can be imported: {clients} clients, {family} family members, {cases} cases, {hearings} hearings.</source>
        <translation>Se pueden importar {rows} filas: {clients} clientes, {family} familiares, {cases} casos, {hearings} audiencias.</translation>
    </message>
    <message>
        <source>{n} rows cannot be imported (listed below). Fix them in the spreadsheet and start again, or import the valid rows and skip these.</source>
        <translation>{n} filas no se pueden importar (en la lista de abajo). Corríjalas en la hoja de cálculo y empiece de nuevo, o importe las filas válidas y omita estas.</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Checking failed.</source>
        <translation>La revisión falló.</translation>
    </message>
    <message>
        <source>Nothing was imported; go back to change it.</source>
        <translation>No se importó nada; vuelva atrás para cambiarlo.</translation>
    </message>
    <message>
        <source>Import {n} rows</source>
        <translation>Importar {n} filas</translation>
    </message>
</context>
<context>
    <name>RuleSettings</name>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source> business days</source>
        <translation> días hábiles</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Vigente al</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Default %1 · allowed %2–%3</source>
        <translation>Predeterminado %1 · permitido %2–%3</translation>
    </message>
</context>
<context>
    <name>RulesUpgrade</name>
    <message>
        <source>Updating deadlines to the corrected rules</source>
        <translation>Actualizando los plazos con las reglas corregidas</translation>
    </message>
    <message>
        <source>Updating deadlines to the corrected rules: %v of %m cases</source>
        <translation>Actualizando los plazos con las reglas corregidas: %v de %m casos</translation>
    </message>
    <message numerus="yes">
        <source>Deadlines were recomputed with this version&apos;s corrected rules (%n rule(s) changed).</source>
        <translation>
            <numerusform>Los plazos se recalcularon con las reglas corregidas de esta versión (cambió %n regla).</numerusform>
            <numerusform>Los plazos se recalcularon con las reglas corregidas de esta versión (cambiaron %n reglas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This version corrects %n deadline rule(s): the deadlines are updated for every case when an administrator next opens Clinic.</source>
        <translation>
            <numerusform>Esta versión corrige %n regla de plazos: los plazos de todos los casos se actualizan cuando alguien con el rol de administrador abra Clinic.</numerusform>
            <numerusform>Esta versión corrige %n reglas de plazos: los plazos de todos los casos se actualizan cuando alguien con el rol de administrador abra Clinic.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadlines could not be updated to the corrected rules now; Clinic will try again the next time it opens.</source>
        <translation>Los plazos no se pudieron actualizar ahora con las reglas corregidas; Clinic lo intentará de nuevo la próxima vez que se abra.</translation>
    </message>
</context>
<context>
    <name>ScheduleHearingDialog</name>
    <message>
        <source>Schedule a hearing</source>
        <translation>Programar una audiencia</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Court or office</source>
        <translation>Tribunal u oficina</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Court or office, courtroom</source>
        <translation>Tribunal u oficina, sala</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juez</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Membrete</translation>
    </message>
    <message>
        <source>Address and phone lines printed under the name on PDFs</source>
        <translation>Líneas de dirección y teléfono que se imprimen debajo del nombre en los PDF</translation>
    </message>
    <message>
        <source>Layout of bilingual client handouts</source>
        <translation>Diseño de las hojas informativas bilingües</translation>
    </message>
    <message>
        <source>English and Spanish side by side</source>
        <translation>Inglés y español lado a lado</translation>
    </message>
    <message>
        <source>English, then Spanish</source>
        <translation>Inglés y luego español</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>For example the USB stick&apos;s folder</source>
        <translation>Por ejemplo, la carpeta de la memoria USB</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose backup folder</source>
        <translation>Elegir carpeta de copias</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Copias conservadas</translation>
    </message>
    <message>
        <source>Default time zone</source>
        <translation>Zona horaria predeterminada</translation>
    </message>
    <message>
        <source>This computer&apos;s: {zone}</source>
        <translation>La de esta computadora: {zone}</translation>
    </message>
    <message>
        <source>New hearings take the time zone of their court or asylum office. This zone is used when none is picked; left empty, the computer&apos;s own zone is used.</source>
        <translation>Las audiencias nuevas toman la zona horaria de su tribunal u oficina de asilo. Esta zona se usa cuando no se elige ninguno; si se deja vacía, se usa la zona de la computadora.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Revert unsaved changes</source>
        <translation>Revertir los cambios sin guardar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Letterhead:</source>
        <translation>&amp;Membrete:</translation>
    </message>
    <message>
        <source>Client &amp;handouts:</source>
        <translation>&amp;Hojas informativas:</translation>
    </message>
    <message>
        <source>Number and street:</source>
        <translation>Número y calle:</translation>
    </message>
    <message>
        <source>Suite or floor:</source>
        <translation>Oficina o piso:</translation>
    </message>
    <message>
        <source>e.g. 210 (the form&apos;s Apt. No.)</source>
        <translation>p. ej., 210 (el «Apt. No.» del formulario)</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ciudad:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>e.g. IL</source>
        <translation>p. ej., IL</translation>
    </message>
    <message>
        <source>ZIP code:</source>
        <translation>Código postal (ZIP):</translation>
    </message>
    <message>
        <source>e.g. 60640</source>
        <translation>p. ej., 60640</translation>
    </message>
    <message>
        <source>Daytime telephone:</source>
        <translation>Teléfono de día:</translation>
    </message>
    <message>
        <source>e.g. (773) 555-0188</source>
        <translation>p. ej., (773) 555-0188</translation>
    </message>
    <message>
        <source>The clinic&apos;s address and telephone</source>
        <translation>La dirección y el teléfono de la clínica</translation>
    </message>
    <message>
        <source>Filled in on the forms your staff prepare (the I-589&apos;s Part E: the preparer&apos;s address and daytime telephone).</source>
        <translation>Se escriben en los formularios que prepara su personal (la Parte E del I-589: la dirección y el teléfono de día de quien lo prepara).</translation>
    </message>
    <message>
        <source>Locking, backups and time</source>
        <translation>Bloqueo, copias de seguridad y hora</translation>
    </message>
    <message>
        <source>Lock when idle &amp;for:</source>
        <translation>&amp;Bloquear tras inactividad de:</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Carpeta de &amp;copias:</translation>
    </message>
    <message>
        <source>Backups &amp;kept:</source>
        <translation>Copias c&amp;onservadas:</translation>
    </message>
    <message>
        <source>Default &amp;time zone:</source>
        <translation>&amp;Zona horaria predeterminada:</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Deadline rules</source>
        <translation>Reglas de plazos</translation>
    </message>
    <message>
        <source>Change these only on an attorney&apos;s instruction. Every case&apos;s deadlines are recomputed when you save.</source>
        <translation>Cámbielos solo por indicación de un abogado o una abogada. Los plazos de todos los casos se vuelven a calcular al guardar.</translation>
    </message>
    <message>
        <source>Court closure days</source>
        <translation>Días de cierre del tribunal</translation>
    </message>
    <message>
        <source>Locking and time</source>
        <translation>Bloqueo y hora</translation>
    </message>
    <message>
        <source>Save the settings?</source>
        <translation>¿Guardar la configuración?</translation>
    </message>
    <message>
        <source>You changed settings that are not saved yet.</source>
        <translation>Cambió ajustes que todavía no se han guardado.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Saving: recomputing the deadlines this change affects…</source>
        <translation>Guardando: recalculando los plazos que afecta este cambio…</translation>
    </message>
    <message>
        <source>Saved. The window was locked before every deadline was recomputed; the rest is recomputed when it is unlocked.</source>
        <translation>Guardado. La ventana se bloqueó antes de recalcular todos los plazos; el resto se recalcula cuando se desbloquee.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>No se guardó.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>No se guardó la configuración</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Not saved: fix the marked fields, then save again.</source>
        <translation>No se guardó: corrija los campos marcados y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Elija la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Only an administrator changes the clinic&apos;s settings and staff; you can read them here. Your language and the blank forms kept on this computer are yours to change.</source>
        <translation>Solo un administrador cambia la configuración y el personal de la clínica; aquí puede consultarlos. Su idioma y los formularios en blanco guardados en esta computadora los cambia usted.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
</context>
<context>
    <name>SettingsTables</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>In lists and tables, Enter opens the selected case. Tab moves between fields; Alt and an underlined letter jumps to a field or tab.</source>
        <translation>En listas y tablas, Enter abre el caso seleccionado. Tab pasa de un campo a otro; Alt y una letra subrayada saltan a un campo o pestaña.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>overdue deadlines: %1</source>
        <translation>plazos vencidos: %1</translation>
    </message>
    <message>
        <source>hearings today: %1</source>
        <translation>audiencias hoy: %1</translation>
    </message>
    <message>
        <source>current page</source>
        <translation>página actual</translation>
    </message>
</context>
<context>
    <name>StaffList</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Add staff…</source>
        <translation>Agregar personal…</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>Agregar personal</translation>
    </message>
    <message>
        <source>Staff are saved as soon as they are added.</source>
        <translation>El personal se guarda en cuanto se agrega.</translation>
    </message>
    <message>
        <source>This computer&apos;s user</source>
        <translation>Usuario de esta computadora</translation>
    </message>
    <message>
        <source>Named as &quot;Prepared by&quot; on PDFs and in the audit trail; kept for you on this computer</source>
        <translation>Aparece como «Preparado por» en los PDF y en el registro de auditoría; se guarda para usted en esta computadora</translation>
    </message>
    <message>
        <source>This computer&apos;s &amp;user:</source>
        <translation>&amp;Usuario de esta computadora:</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Aún no elegido</translation>
    </message>
</context>
<context>
    <name>StaffLoginDialog</name>
    <message>
        <source>Sign in to the office server</source>
        <translation>Iniciar sesión en el servidor de la oficina</translation>
    </message>
    <message>
        <source>Office server: %1</source>
        <translation>Servidor de la oficina: %1</translation>
    </message>
    <message>
        <source>Staff member: %1</source>
        <translation>Miembro del personal: %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Type your password on the office server. A first password from the administrator works for 7 days; you then choose your own.</source>
        <translation>Escriba su contraseña del servidor de la oficina. Una contraseña inicial del administrador sirve durante 7 días; después usted elige la suya.</translation>
    </message>
    <message>
        <source>Type the passphrase that protects your office password on this computer.</source>
        <translation>Escriba la frase de contraseña que protege su contraseña de la oficina en esta computadora.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Clinic was locked. Your password is kept in this computer&apos;s keychain.</source>
        <translation>Clinic se bloqueó. Su contraseña está guardada en el llavero del sistema de esta computadora.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
</context>
<context>
    <name>StartList</name>
    <message>
        <source>Enter the clinic&apos;s name and letterhead (printed on every PDF)</source>
        <translation>Escriba el nombre y el membrete de la clínica (se imprimen en cada PDF)</translation>
    </message>
    <message>
        <source>Add the staff (attorneys, paralegals, volunteers) and choose who you are on this computer</source>
        <translation>Agregue al personal (abogados, asistentes legales, voluntarios) y elija quién es usted en esta computadora</translation>
    </message>
    <message>
        <source>Choose a backup folder (a USB stick or a network folder)</source>
        <translation>Elija una carpeta de copias de seguridad (una memoria USB o una carpeta de red)</translation>
    </message>
    <message>
        <source>Save and print the recovery kit, then keep it locked away</source>
        <translation>Guarde e imprima el kit de recuperación y luego guárdelo bajo llave</translation>
    </message>
    <message>
        <source>Record the first client (New intake, Ctrl+N)</source>
        <translation>Registre el primer cliente (Nuevo cliente, Ctrl+N)</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir Configuración</translation>
    </message>
    <message>
        <source>Who are you?…</source>
        <translation>¿Quién es usted?…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <source>Save recovery kit…</source>
        <translation>Guardar kit de recuperación…</translation>
    </message>
    <message>
        <source>New intake…</source>
        <translation>Nuevo cliente…</translation>
    </message>
</context>
<context>
    <name>StartListPanel</name>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>Hide for now</source>
        <translation>Ocultar por ahora</translation>
    </message>
    <message>
        <source>Hide the start list for now</source>
        <translation>Ocultar la lista de inicio por ahora</translation>
    </message>
    <message>
        <source>The list comes back at the next start until done.</source>
        <translation>La lista vuelve a aparecer al iniciar de nuevo hasta completarla.</translation>
    </message>
    <message numerus="yes">
        <source>%n of 5 steps done.</source>
        <translation>
            <numerusform>%n de 5 pasos hecho.</numerusform>
            <numerusform>%n de 5 pasos hechos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Five steps to start.</source>
        <translation>Cinco pasos para empezar.</translation>
    </message>
    <message numerus="yes">
        <source>%n of 2 steps done.</source>
        <translation>
            <numerusform>%n de 2 pasos hecho.</numerusform>
            <numerusform>%n de 2 pasos hechos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Two steps to start.</source>
        <translation>Dos pasos para empezar.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Todavía no está hecho</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Record a lawful status, TPS or parole</source>
        <translation>Registrar un estatus legal, TPS o parole</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Class or country (e.g. F-1, TPS Honduras)</source>
        <translation>Clase o país (p. ej., F-1, TPS Honduras)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until (empty while it lasts)</source>
        <translation>Hasta (vacío mientras dure)</translation>
    </message>
</context>
<context>
    <name>StoreActions</name>
    <message>
        <source>⚠ No backup folder set (Settings)</source>
        <translation>⚠ No hay carpeta de copias (Configuración)</translation>
    </message>
    <message>
        <source>⚠ Backup folder not found (is the USB stick plugged in?)</source>
        <translation>⚠ No se encuentra la carpeta de copias (¿está conectada la memoria USB?)</translation>
    </message>
    <message>
        <source>⚠ No backup yet</source>
        <translation>⚠ Todavía no hay copia de seguridad</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Última copia: %1</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>¿En qué carpeta guardar la copia?</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>The encrypted backup was written and checked:
%1</source>
        <translation>Se escribió y comprobó la copia cifrada:
%1</translation>
    </message>
    <message>
        <source>Use this folder for daily backups? Clinic then shows the last backup there in the status bar and warns when it is more than a week old.</source>
        <translation>¿Usar esta carpeta para las copias de seguridad diarias? Clinic mostrará entonces la última copia de esa carpeta en la barra de estado y avisará cuando tenga más de una semana.</translation>
    </message>
    <message>
        <source>Use this folder for daily backups instead of %1? Clinic then shows the last backup there in the status bar and warns when it is more than a week old.</source>
        <translation>¿Usar esta carpeta para las copias de seguridad diarias en lugar de %1? Clinic mostrará entonces la última copia de esa carpeta en la barra de estado y avisará cuando tenga más de una semana.</translation>
    </message>
    <message>
        <source>The backup folder was not saved</source>
        <translation>No se guardó la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>No se cambió nada</translation>
    </message>
    <message>
        <source>Recovery kit</source>
        <translation>Kit de recuperación</translation>
    </message>
    <message>
        <source>The recovery kit holds the key to every client record. Save it only to print it, then delete the file. Continue?</source>
        <translation>El kit de recuperación contiene la clave de todos los registros de clientes. Guárdelo solo para imprimirlo y luego borre el archivo. ¿Continuar?</translation>
    </message>
    <message>
        <source>Save the recovery kit</source>
        <translation>Guardar el kit de recuperación</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Recovery kit saved</source>
        <translation>Kit de recuperación guardado</translation>
    </message>
    <message>
        <source>Print it, keep it locked away, then delete the file.</source>
        <translation>Imprímalo, guárdelo bajo llave y luego borre el archivo.</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>¿Qué copia restaurar?</translation>
    </message>
    <message>
        <source>Clinic backups (*.clinicbackup)</source>
        <translation>Copias de seguridad de Clinic (*.clinicbackup)</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>The records now on this computer will be replaced by the backup. They are kept as a safety copy beside the data folder. Continue?</source>
        <translation>Los registros que hay ahora en esta computadora se reemplazarán por la copia. Se conservan como copia de resguardo junto a la carpeta de datos. ¿Continuar?</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>The passphrase the backup was made with:</source>
        <translation>La frase de contraseña con la que se hizo la copia:</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>The backup was restored. The previous records are in:
%1</source>
        <translation>Se restauró la copia. Los registros anteriores están en:
%1</translation>
    </message>
</context>
<context>
    <name>StoreGate</name>
    <message>
        <source>Clinic cannot find the key</source>
        <translation>Clinic no encuentra la clave</translation>
    </message>
    <message>
        <source>%1

Unlock with the recovery key now?</source>
        <translation>%1

¿Desbloquear ahora con la clave de recuperación?</translation>
    </message>
    <message>
        <source>Clinic cannot open the records</source>
        <translation>Clinic no puede abrir los registros</translation>
    </message>
    <message>
        <source>Print the recovery kit</source>
        <translation>Imprimir el kit de recuperación</translation>
    </message>
    <message>
        <source>Save the recovery kit now, to print it? It is the only way to open the records if the passphrase or this computer&apos;s keychain is lost. (File menu: Save recovery kit…)</source>
        <translation>¿Guardar ahora el kit de recuperación para imprimirlo? Es la única forma de abrir los registros si se pierde la frase de contraseña o el llavero de esta computadora. (Menú Archivo: Guardar kit de recuperación…)</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Save the recovery kit</source>
        <translation>Guardar el kit de recuperación</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The kit was not saved</source>
        <translation>No se guardó el kit</translation>
    </message>
</context>
<context>
    <name>StoreGone</name>
    <message>
        <source>The records are not in their folder</source>
        <translation>Los registros no están en su carpeta</translation>
    </message>
    <message>
        <source>The Clinic store kept in %1 is gone (the folder is empty or missing), but this computer&apos;s keychain still holds its key. Nothing was changed.</source>
        <translation>La base de datos de Clinic guardada en %1 ya no está (la carpeta está vacía o no existe), pero el llavero del sistema de esta computadora todavía guarda su clave. No se cambió nada.</translation>
    </message>
    <message>
        <source>The Clinic store kept in %1 is gone (the folder is empty or missing); this computer opened it there before. Nothing was changed.</source>
        <translation>La base de datos de Clinic guardada en %1 ya no está (la carpeta está vacía o no existe); esta computadora la abrió allí antes. No se cambió nada.</translation>
    </message>
    <message>
        <source>Restore the latest backup into that folder, or open the folder where the records are now (a moved folder or a USB stick). Start afresh only if the old records are not needed on this computer: it makes a new, empty store there and removes the old store&apos;s key from this computer&apos;s keychain.</source>
        <translation>Restaure la copia de seguridad más reciente en esa carpeta, o abra la carpeta donde están ahora los registros (una carpeta movida o una memoria USB). Empiece de nuevo solo si los registros anteriores no se necesitan en esta computadora: se crea allí una base de datos nueva y vacía y se quita la clave de la base de datos anterior del llavero del sistema de esta computadora.</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Open another folder…</source>
        <translation>Abrir otra carpeta…</translation>
    </message>
    <message>
        <source>Start afresh…</source>
        <translation>Empezar de nuevo…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>¿Qué copia restaurar?</translation>
    </message>
    <message>
        <source>Clinic backups (*.clinicbackup)</source>
        <translation>Copias de seguridad de Clinic (*.clinicbackup)</translation>
    </message>
    <message>
        <source>Nothing was restored</source>
        <translation>No se restauró nada</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>The passphrase the backup was made with:</source>
        <translation>La frase de contraseña con la que se hizo la copia:</translation>
    </message>
    <message>
        <source>Open the records in which folder?</source>
        <translation>¿En qué carpeta abrir los registros?</translation>
    </message>
    <message>
        <source>Another folder</source>
        <translation>Otra carpeta</translation>
    </message>
    <message>
        <source>Clinic opens the records in %1 now. To open that folder every time, start Clinic with --data-dir followed by the folder (or set CLINIC_DATA_DIR).</source>
        <translation>Clinic abre ahora los registros de %1. Para abrir esa carpeta siempre, inicie Clinic con --data-dir seguido de la carpeta (o defina CLINIC_DATA_DIR).</translation>
    </message>
    <message>
        <source>Start afresh</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Start afresh with a new, empty store in %1?</source>
        <translation>¿Empezar de nuevo con una base de datos nueva y vacía en %1?</translation>
    </message>
    <message>
        <source>The old store&apos;s key is removed from this computer&apos;s keychain, and this computer forgets that store. Its records, if a copy or backup of them turns up, can then be opened only with their printed recovery kit. This cannot be undone.</source>
        <translation>La clave de la base de datos anterior se quita del llavero del sistema de esta computadora, y esta computadora olvida esa base de datos. Sus registros, si aparece una copia o una copia de seguridad de ellos, solo se podrán abrir entonces con su kit de recuperación impreso. Esto no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>SummaryExport</name>
    <message>
        <source>Export case summary…</source>
        <translation>Exportar resumen del caso…</translation>
    </message>
    <message>
        <source>Export the case summary as a PDF</source>
        <translation>Exportar el resumen del caso como PDF</translation>
    </message>
    <message>
        <source>A PDF of the whole case for the attorney (%1)</source>
        <translation>Un PDF del caso completo para el abogado o la abogada (%1)</translation>
    </message>
    <message>
        <source>The case summary PDF is NOT encrypted: it holds the client&apos;s personal details, family, hearings, evidence and notes. Save it only on an encrypted drive or print it, and delete stray copies. The export is recorded in the audit log.</source>
        <translation>El PDF del resumen del caso NO está cifrado: contiene los datos personales del cliente, su familia, audiencias, pruebas y notas. Guárdelo solo en una unidad cifrada o imprímalo, y borre las copias sueltas. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Save the case summary PDF</source>
        <translation>Guardar el PDF del resumen del caso</translation>
    </message>
</context>
<context>
    <name>TimeInput</name>
    <message>
        <source>e.g. {0}</source>
        <translation>p. ej., {0}</translation>
    </message>
    <message>
        <source>e.g. {0}, or leave empty</source>
        <translation>p. ej., {0}, o déjelo vacío</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type the time, e.g. {0}.</source>
        <translation>Escriba la hora, p. ej., {0}.</translation>
    </message>
    <message>
        <source>Hours go from 0 to 23. Type e.g. {0}.</source>
        <translation>Las horas van de 0 a 23. Escriba, p. ej., {0}.</translation>
    </message>
    <message>
        <source>Minutes go from 00 to 59. Type e.g. {0}.</source>
        <translation>Los minutos van de 00 a 59. Escriba, p. ej., {0}.</translation>
    </message>
    <message>
        <source>With am or pm the hour goes from 1 to 12, e.g. {0}.</source>
        <translation>Con a. m. o p. m., la hora va de 1 a 12, p. ej., {0}.</translation>
    </message>
    <message>
        <source>Afternoon or night? Type {0} or {1}.</source>
        <translation>¿De la tarde o de la madrugada? Escriba {0} o {1}.</translation>
    </message>
    <message>
        <source>This is not a time. Type e.g. {0}.</source>
        <translation>Esto no es una hora. Escriba, p. ej., {0}.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today&apos;s date</source>
        <translation>Fecha de hoy</translation>
    </message>
    <message>
        <source>Summary of the next two weeks</source>
        <translation>Resumen de las próximas dos semanas</translation>
    </message>
    <message>
        <source>Hearings and deadlines of the next two weeks</source>
        <translation>Audiencias y plazos de las próximas dos semanas</translation>
    </message>
    <message>
        <source>Why this date</source>
        <translation>Por qué esta fecha</translation>
    </message>
    <message>
        <source>Nothing due in the next two weeks.</source>
        <translation>Nada vence en las próximas dos semanas.</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nada vence</translation>
    </message>
    <message>
        <source>Loading today&apos;s hearings and deadlines…</source>
        <translation>Cargando las audiencias y los plazos de hoy…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Show every overdue deadline</source>
        <translation>Mostrar todos los plazos vencidos</translation>
    </message>
    <message>
        <source>and %1 more overdue — show all</source>
        <translation>y %1 vencidos más: mostrar todos</translation>
    </message>
    <message>
        <source>Hearings: %1</source>
        <translation>Audiencias: %1</translation>
    </message>
    <message>
        <source>Deadlines: %1</source>
        <translation>Plazos: %1</translation>
    </message>
    <message>
        <source>in the next two weeks</source>
        <translation>en las próximas dos semanas</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Vencidos: %1</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Clinic</source>
        <translation>Desbloquear Clinic</translation>
    </message>
    <message>
        <source>Enter the passphrase to unlock the client records.</source>
        <translation>Ingrese la frase de contraseña para desbloquear los registros de clientes.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Use the recovery key…</source>
        <translation>Usar la clave de recuperación…</translation>
    </message>
    <message>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>WaiveDeadlineDialog</name>
    <message>
        <source>Waive a deadline</source>
        <translation>Dispensar un plazo</translation>
    </message>
    <message>
        <source>Waive</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why this deadline does not apply, e.g. the judge set a different schedule</source>
        <translation>Por qué este plazo no corresponde, p. ej., el juez fijó otro calendario</translation>
    </message>
</context>
<context>
    <name>WhoAreYouDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>¿Quién es usted?</translation>
    </message>
    <message>
        <source>PDFs for the attorney say who prepared them, and the audit trail records who made each change. Choose yourself; Clinic remembers it for you on this computer (Settings → Staff changes it).</source>
        <translation>Los PDF para el abogado o la abogada indican quién los preparó, y el registro de auditoría guarda quién hizo cada cambio. Elija su nombre; Clinic lo recuerda para usted en esta computadora (se cambia en Configuración → Personal).</translation>
    </message>
    <message>
        <source>This computer&apos;s user</source>
        <translation>Usuario de esta computadora</translation>
    </message>
    <message>
        <source>I am not in the list: add me…</source>
        <translation>No estoy en la lista: agregarme…</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>Soy yo</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Elija su nombre</translation>
    </message>
    <message>
        <source>Choose your name, or add yourself to the staff.</source>
        <translation>Elija su nombre o agréguese al personal.</translation>
    </message>
</context>
<context>
    <name>ZoneReviewNotice</name>
    <message>
        <source>Review…</source>
        <translation>Revisar…</translation>
    </message>
    <message>
        <source>Review hearing time zones</source>
        <translation>Revisar las zonas horarias de las audiencias</translation>
    </message>
    <message numerus="yes">
        <source>Upcoming hearings with a time zone other than their court&apos;s: %n. Review them.</source>
        <translation>
            <numerusform>Próximas audiencias con una zona horaria distinta de la de su tribunal: %n. Revíselas.</numerusform>
            <numerusform>Próximas audiencias con una zona horaria distinta de la de su tribunal: %n. Revíselas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>enum.ArrivalManner</name>
    <message>
        <source>Inspected at a port of entry</source>
        <translation>Inspeccionado en un puerto de entrada</translation>
    </message>
    <message>
        <source>Paroled</source>
        <translation>Con parole (permiso de permanencia temporal)</translation>
    </message>
    <message>
        <source>Entered without inspection</source>
        <translation>Ingresó sin inspección</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
</context>
<context>
    <name>enum.AttendanceMode</name>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>enum.CaseFactKind</name>
    <message>
        <source>Judge&apos;s decision (oral: its date; written: date mailed or served)</source>
        <translation>Decisión del juez (oral: su fecha; escrita: fecha de envío o notificación)</translation>
    </message>
    <message>
        <source>Final order</source>
        <translation>Orden definitiva</translation>
    </message>
    <message>
        <source>BIA decision</source>
        <translation>Decisión de la BIA</translation>
    </message>
    <message>
        <source>In-absentia order</source>
        <translation>Orden de expulsión en ausencia (in absentia)</translation>
    </message>
    <message>
        <source>Voluntary departure order</source>
        <translation>Orden de salida voluntaria</translation>
    </message>
    <message>
        <source>Voluntary departure period (days)</source>
        <translation>Plazo de salida voluntaria (días)</translation>
    </message>
    <message>
        <source>Notice to Appear served</source>
        <translation>Notificación de Comparecencia (NTA) entregada</translation>
    </message>
    <message>
        <source>Work permit (EAD) expires</source>
        <translation>Vence el permiso de trabajo (EAD)</translation>
    </message>
    <message>
        <source>Immigration judge&apos;s denial</source>
        <translation>Denegación del juez de inmigración</translation>
    </message>
    <message>
        <source>Asylum granted</source>
        <translation>Asilo concedido</translation>
    </message>
    <message>
        <source>Annual asylum fee notice</source>
        <translation>Aviso de la tarifa anual de asilo</translation>
    </message>
    <message>
        <source>One-year exception: changed circumstances arose</source>
        <translation>Excepción al plazo de un año: surgió un cambio de circunstancias</translation>
    </message>
    <message>
        <source>One-year exception: extraordinary circumstances began</source>
        <translation>Excepción al plazo de un año: comenzaron circunstancias extraordinarias</translation>
    </message>
    <message>
        <source>Exceptional circumstance ended</source>
        <translation>Fin de la circunstancia excepcional</translation>
    </message>
    <message>
        <source>Days the asylum clock was stopped, counted by hand (added to the log)</source>
        <translation>Días en que se detuvo el reloj de asilo, contados a mano (se suman al registro)</translation>
    </message>
    <message>
        <source>Opposing filing received</source>
        <translation>Escrito de la parte contraria recibido</translation>
    </message>
    <message>
        <source>Date set by the judge</source>
        <translation>Fecha fijada por el juez</translation>
    </message>
    <message>
        <source>BIA appeal filed</source>
        <translation>Apelación presentada ante la BIA</translation>
    </message>
    <message>
        <source>Petition for review filed</source>
        <translation>Petición de revisión presentada</translation>
    </message>
    <message>
        <source>Asylum office denial (not referred)</source>
        <translation>Denegación de la oficina de asilo (sin remisión)</translation>
    </message>
    <message>
        <source>Asylum recommended for approval</source>
        <translation>Asilo recomendado para aprobación</translation>
    </message>
    <message>
        <source>FOIA request sent</source>
        <translation>Solicitud FOIA enviada</translation>
    </message>
    <message>
        <source>FOIA request received by the agency (acknowledged)</source>
        <translation>Solicitud FOIA recibida por la agencia (acuse de recibo)</translation>
    </message>
    <message>
        <source>FOIA response extended by the agency in writing (unusual circumstances)</source>
        <translation>Respuesta FOIA prorrogada por escrito por la agencia (circunstancias inusuales)</translation>
    </message>
    <message>
        <source>FOIA response from the agency</source>
        <translation>Respuesta FOIA de la agencia</translation>
    </message>
    <message>
        <source>Asylum interview notice received</source>
        <translation>Aviso de entrevista de asilo recibido</translation>
    </message>
    <message>
        <source>Asylum interview missed (did not appear)</source>
        <translation>Entrevista de asilo perdida (no se presentó)</translation>
    </message>
    <message>
        <source>Asylum interview rescheduled at the applicant&apos;s request</source>
        <translation>Entrevista de asilo reprogramada a petición del solicitante</translation>
    </message>
    <message>
        <source>Biometrics appointment missed (did not appear)</source>
        <translation>Cita de datos biométricos perdida (no se presentó)</translation>
    </message>
    <message>
        <source>Biometrics appointment rescheduled at the applicant&apos;s request</source>
        <translation>Cita de datos biométricos reprogramada a petición del solicitante</translation>
    </message>
    <message>
        <source>Notice of Intent to Deny from the asylum office</source>
        <translation>Aviso de intención de denegar de la oficina de asilo</translation>
    </message>
    <message>
        <source>Continuance requested by the applicant (asylum clock stops)</source>
        <translation>Aplazamiento pedido por el solicitante (el reloj de asilo se detiene)</translation>
    </message>
    <message>
        <source>Asylum clock stopped: another applicant-caused delay (say which in the note)</source>
        <translation>Reloj de asilo detenido: otra demora causada por el solicitante (indique cuál en la nota)</translation>
    </message>
    <message>
        <source>Asylum clock restarted (the delay is resolved)</source>
        <translation>Reloj de asilo reanudado (la demora se resolvió)</translation>
    </message>
    <message>
        <source>Bond decision by the judge</source>
        <translation>Decisión del juez sobre la fianza</translation>
    </message>
    <message>
        <source>Bond appeal filed with the BIA</source>
        <translation>Apelación de fianza presentada ante la BIA</translation>
    </message>
    <message>
        <source>DHS invoked the automatic stay of the bond order (EOIR-43)</source>
        <translation>El DHS invocó la suspensión automática de la orden de fianza (EOIR-43)</translation>
    </message>
    <message>
        <source>Negative credible-fear determination (review requested)</source>
        <translation>Determinación negativa de miedo creíble (revisión solicitada)</translation>
    </message>
    <message>
        <source>Negative reasonable-fear determination referred to the judge</source>
        <translation>Determinación negativa de miedo razonable remitida al juez</translation>
    </message>
    <message>
        <source>BIA briefing schedule (its date)</source>
        <translation>Calendario de escritos de la BIA (su fecha)</translation>
    </message>
    <message>
        <source>BIA granted the briefing extension</source>
        <translation>La BIA concedió la prórroga para el escrito</translation>
    </message>
    <message>
        <source>Motion for a stay of removal filed</source>
        <translation>Moción de paralización de la expulsión (stay of removal) presentada</translation>
    </message>
    <message>
        <source>Stay of removal granted</source>
        <translation>Paralización de la expulsión (stay of removal) concedida</translation>
    </message>
    <message>
        <source>Stay of removal denied</source>
        <translation>Paralización de la expulsión (stay of removal) denegada</translation>
    </message>
    <message>
        <source>Certified administrative record filed in the court of appeals</source>
        <translation>Expediente administrativo certificado presentado en el tribunal de apelaciones</translation>
    </message>
    <message>
        <source>Alien registration (G-325R filed, or a document that counts)</source>
        <translation>Registro de extranjeros (G-325R presentado, o un documento que cuenta)</translation>
    </message>
    <message>
        <source>DHS motion to pretermit received</source>
        <translation>Moción del DHS para desestimar sin audiencia (pretermit) recibida</translation>
    </message>
    <message>
        <source>DHS motion to dismiss received</source>
        <translation>Moción del DHS para sobreseer el caso recibida</translation>
    </message>
    <message>
        <source>Response to a DHS motion due (date set by the judge)</source>
        <translation>Vence la respuesta a una moción del DHS (fecha fijada por el juez)</translation>
    </message>
    <message>
        <source>I-589 rejected by USCIS (e.g. annual asylum fee unpaid)</source>
        <translation>I-589 rechazado por USCIS (p. ej., tarifa anual de asilo sin pagar)</translation>
    </message>
    <message>
        <source>Removal order reinstated, or issued administratively</source>
        <translation>Orden de expulsión restablecida, o dictada por vía administrativa</translation>
    </message>
    <message>
        <source>Referred to the judge for asylum-only or withholding-only proceedings (I-863)</source>
        <translation>Remitido al juez para un procedimiento solo de asilo o solo de suspensión de la expulsión (withholding-only) (I-863)</translation>
    </message>
</context>
<context>
    <name>enum.ChecklistState</name>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
</context>
<context>
    <name>enum.ClaimType</name>
    <message>
        <source>Affirmative</source>
        <translation>Afirmativo</translation>
    </message>
    <message>
        <source>Defensive</source>
        <translation>Defensivo</translation>
    </message>
</context>
<context>
    <name>enum.Confidence</name>
    <message>
        <source>Confirmed against the primary source</source>
        <translation>Confirmado con la fuente primaria</translation>
    </message>
    <message>
        <source>From a secondary source; the attorney should confirm</source>
        <translation>De una fuente secundaria; el abogado o la abogada debe confirmarlo</translation>
    </message>
    <message>
        <source>Not verified against its source; the attorney must confirm</source>
        <translation>No verificado con su fuente; el abogado o la abogada debe confirmarlo</translation>
    </message>
</context>
<context>
    <name>enum.DeadlineOrigin</name>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Judge-ordered</source>
        <translation>Ordenado por el juez</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>enum.DeadlineStatus</name>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>Dispensado</translation>
    </message>
    <message>
        <source>Replaced by a judge&apos;s order</source>
        <translation>Reemplazado por una orden del juez</translation>
    </message>
</context>
<context>
    <name>enum.DetentionStatus</name>
    <message>
        <source>Not detained</source>
        <translation>No detenido(a)</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Detenido(a)</translation>
    </message>
    <message>
        <source>Released (bond, parole or ATD)</source>
        <translation>Liberado(a) (fianza, parole o alternativa a la detención)</translation>
    </message>
</context>
<context>
    <name>enum.EvidenceCategory</name>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Corroboration</source>
        <translation>Pruebas de apoyo (corroboración)</translation>
    </message>
    <message>
        <source>Medical or psychological</source>
        <translation>Evaluación médica o psicológica</translation>
    </message>
    <message>
        <source>Expert report</source>
        <translation>Informe pericial</translation>
    </message>
    <message>
        <source>Country conditions</source>
        <translation>Condiciones del país</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>enum.EvidenceStatus</name>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentado</translation>
    </message>
</context>
<context>
    <name>enum.FoiaAgency</name>
    <message>
        <source>USCIS (A-file)</source>
        <translation>USCIS (expediente A)</translation>
    </message>
    <message>
        <source>CBP (entry and encounter records)</source>
        <translation>CBP (registros de entrada y encuentros)</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <source>OBIM (fingerprint records)</source>
        <translation>OBIM (registros de huellas dactilares)</translation>
    </message>
    <message>
        <source>EOIR (record of proceedings)</source>
        <translation>EOIR (expediente del procedimiento)</translation>
    </message>
    <message>
        <source>State Department (visa records)</source>
        <translation>Departamento de Estado (registros de visas)</translation>
    </message>
    <message>
        <source>FBI (identity history)</source>
        <translation>FBI (historial de identidad)</translation>
    </message>
    <message>
        <source>Another agency</source>
        <translation>Otra agencia</translation>
    </message>
</context>
<context>
    <name>enum.ForumKind</name>
    <message>
        <source>Asylum office</source>
        <translation>Oficina de asilo</translation>
    </message>
    <message>
        <source>Immigration court</source>
        <translation>Tribunal de inmigración</translation>
    </message>
</context>
<context>
    <name>enum.HearingKind</name>
    <message>
        <source>Master calendar hearing</source>
        <translation>Audiencia preliminar</translation>
    </message>
    <message>
        <source>Individual hearing</source>
        <translation>Audiencia individual</translation>
    </message>
    <message>
        <source>Asylum interview</source>
        <translation>Entrevista de asilo</translation>
    </message>
    <message>
        <source>Biometrics</source>
        <translation>Datos biométricos</translation>
    </message>
    <message>
        <source>ICE check-in</source>
        <translation>Cita de control con ICE</translation>
    </message>
    <message>
        <source>Bond hearing</source>
        <translation>Audiencia de fianza</translation>
    </message>
    <message>
        <source>Credible- or reasonable-fear review before a judge</source>
        <translation>Revisión ante el juez del miedo creíble o razonable</translation>
    </message>
</context>
<context>
    <name>enum.MaritalStatus</name>
    <message>
        <source>Single</source>
        <translation>Soltero/a</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Casado/a</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>Divorciado/a</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Viudo/a</translation>
    </message>
</context>
<context>
    <name>enum.Outcome</name>
    <message>
        <source>Asylum granted</source>
        <translation>Asilo concedido</translation>
    </message>
    <message>
        <source>Withholding granted</source>
        <translation>Suspensión de la expulsión (withholding) concedida</translation>
    </message>
    <message>
        <source>CAT protection granted</source>
        <translation>Protección bajo la CAT concedida</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Referred to court</source>
        <translation>Remitido al tribunal</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Desestimado</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Administratively closed</source>
        <translation>Cerrado administrativamente</translation>
    </message>
    <message>
        <source>Removal ordered</source>
        <translation>Expulsión ordenada</translation>
    </message>
    <message>
        <source>Voluntary departure</source>
        <translation>Salida voluntaria</translation>
    </message>
    <message>
        <source>Transferred or representation ended</source>
        <translation>Transferido o representación terminada</translation>
    </message>
    <message>
        <source>I-589 rejected: annual asylum fee unpaid</source>
        <translation>I-589 rechazado: tarifa anual de asilo sin pagar</translation>
    </message>
</context>
<context>
    <name>enum.ProceedingKind</name>
    <message>
        <source>Removal proceedings</source>
        <translation>Procedimiento de expulsión</translation>
    </message>
    <message>
        <source>Asylum-only proceedings</source>
        <translation>Procedimiento solo de asilo</translation>
    </message>
    <message>
        <source>Withholding-only proceedings</source>
        <translation>Procedimiento solo de suspensión de la expulsión (withholding-only)</translation>
    </message>
</context>
<context>
    <name>enum.ProtectedGround</name>
    <message>
        <source>Race</source>
        <translation>Raza</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Religión</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Particular social group</source>
        <translation>Determinado grupo social</translation>
    </message>
    <message>
        <source>Political opinion</source>
        <translation>Opinión política</translation>
    </message>
</context>
<context>
    <name>enum.Relationship</name>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo(a)</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre o madre</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Hermano(a)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>enum.Relief</name>
    <message>
        <source>Asylum</source>
        <translation>Asilo</translation>
    </message>
    <message>
        <source>Withholding of removal</source>
        <translation>Suspensión de la expulsión (withholding of removal)</translation>
    </message>
    <message>
        <source>Convention Against Torture</source>
        <translation>Convención contra la Tortura</translation>
    </message>
</context>
<context>
    <name>enum.Sex</name>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>No binario</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
</context>
<context>
    <name>enum.StaffRole</name>
    <message>
        <source>Attorney</source>
        <translation>Abogado(a)</translation>
    </message>
    <message>
        <source>Paralegal</source>
        <translation>Asistente legal</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Voluntario(a)</translation>
    </message>
</context>
<context>
    <name>enum.Stage</name>
    <message>
        <source>Intake</source>
        <translation>Ingreso (entrevista inicial)</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation>Audiencias</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Apelación</translation>
    </message>
    <message>
        <source>Court of appeals</source>
        <translation>Tribunal de apelaciones</translation>
    </message>
    <message>
        <source>Motion to reopen</source>
        <translation>Moción para reabrir</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>enum.StatusKind</name>
    <message>
        <source>Nonimmigrant status</source>
        <translation>Estatus de no inmigrante</translation>
    </message>
    <message>
        <source>Immigrant status</source>
        <translation>Estatus de inmigrante</translation>
    </message>
    <message>
        <source>Temporary Protected Status (TPS)</source>
        <translation>Estatus de Protección Temporal (TPS)</translation>
    </message>
    <message>
        <source>Parole</source>
        <translation>Permiso de permanencia temporal (parole)</translation>
    </message>
</context>
<context>
    <name>enum.TranslationStatus</name>
    <message>
        <source>No translation needed</source>
        <translation>No se necesita traducción</translation>
    </message>
    <message>
        <source>Needs translation</source>
        <translation>Necesita traducción</translation>
    </message>
    <message>
        <source>Translated, certified</source>
        <translation>Traducción certificada</translation>
    </message>
</context>
</TS>
